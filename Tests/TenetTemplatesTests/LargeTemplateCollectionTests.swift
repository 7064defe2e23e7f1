import Testing
import TenetDocument
import TenetTemplates

/// A large template's resources are resolved and assembled in shares, in parallel, and the shares
/// joined into one document: the joins must not show. Every node the template decides nothing
/// about is its loaded self — value, path and marks — and every resolved value stands where its
/// intrinsic stood, in every share.
@Suite struct LargeTemplateCollectionTests {
    /// Enough resources for several shares, each with a value to resolve, one to keep, and one
    /// resource in seven without a type, copied as written.
    private static let resourceCount = 700

    private static let template: String = {
        var text = "Parameters:\n  Stage:\n    Type: String\n    Default: prod\nResources:\n"
        for index in 0..<resourceCount {
            if index % 7 == 3 {
                text += "  Untyped\(index):\n    Properties: {Name: untyped-\(index)}\n"
                continue
            }
            text += """
                  Queue\(index):
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub '${Stage}-queue-\(index)'
                      Region: !Ref AWS::Region
                      Delay: \(index % 60)
                      Tags:
                        - {Key: index, Value: "\(index)"}
                        - {Key: team, Value: platform}

                """
        }
        return text
    }()

    @Test func theSharesJoinIntoTheDocumentASerialAssemblyWouldMake() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let collected = try fixture.template(Self.template)
        let loaded = try DocumentLoader().load(contentsOf: collected.path.hasPrefix("/") ? collected.path : fixture.directory + "/" + collected.path)
        let resources = try #require(collected.document.root["Resources"])
        let declared = try #require(loaded.root["Resources"])

        #expect(resources.entries.map(\.key) == declared.entries.map(\.key))
        #expect(collected.resources.count == Self.resourceCount - Self.resourceCount / 7)
        for (key, declaration) in declared.entries {
            let resource = try #require(resources[key], "\(key) is not found by its key")
            #expect(resource.keyInParent == key && resource.parent == resources)
            let queueName = declaration["Properties"]?["QueueName"]
            let originals = Dictionary(uniqueKeysWithValues: Self.subtree(declaration).map { ($0.path, $0) })
            let nodes = Self.subtree(resource)
            #expect(nodes.count == originals.count - (queueName == nil ? 0 : 1))
            for node in nodes {
                let original = try #require(originals[node.path], "\(node.path) is not in the template")
                if let queueName, node.path == queueName.path {
                    #expect(node.stringValue == "prod-queue-\(key.dropFirst("Queue".count))")
                    #expect(node.location == queueName.location && node.keyLocation == queueName.keyLocation)
                    continue
                }
                // The maps above a resolved value are made anew, and their ends are not kept.
                let isRebuilt = queueName.map { $0.path.hasPrefix(node.path) } ?? false
                #expect(Self.describe(node, end: !isRebuilt) == Self.describe(original, end: !isRebuilt))
            }
        }
    }

    /// The nodes of a subtree in document order.
    private static func subtree(_ node: Node) -> [Node] {
        var nodes: [Node] = []
        var pending = [node]
        while let next = pending.popLast() {
            nodes.append(next)
            pending.append(contentsOf: next.children.reversed())
        }
        return nodes
    }

    private static func describe(_ node: Node, end: Bool) -> String {
        let value = node.kind.isScalar ? "\(node.value)" : "\(node.count) children"
        let marks = "\(node.location) \(end ? "\(node.endLocation)" : "") \(String(describing: node.keyLocation))"
        return "\(node.path) \(node.kind) \(value) \(marks)"
    }
}
