import Testing
import TenetDocument

/// Entries of one document taken into another in one pass over its arena, as `check` does for its
/// account document, against the same entries copied one by one.
@Suite struct DocumentAssemblyTests {
    private static let template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Stage: {Type: String, Default: prod}
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "${Stage}-logs"
              Tags:
                - {Key: team, Value: storage}
                - {Key: cost-center, Value: "42"}
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              A: 1
              B: 2.5
              C: true
              D: null
              E: e
              F: f
              G: g
              H: h
              I: i
              J: j
              K: k
              L: l
              M: [m, {n: o}]
        Outputs:
          Name: {Value: !Ref Logs}

        """

    /// The resources under new keys, the way `check` names them across templates.
    private static func renamed(_ document: Document) throws -> [(key: String, value: Node)] {
        try #require(document.root["Resources"]).entries.map { ("stack.yaml#\($0.key)", $0.value) }
    }

    /// Every node reachable from `root`, with what a rule or a report reads of it.
    private static func described(_ root: Node) -> [String] {
        var lines: [String] = []
        var pending = [root]
        while let node = pending.popLast() {
            let key = node.keyLocation.map { "\($0.line):\($0.column)" } ?? "-"
            lines.append("\(node.path) \(node.kind) \(node.location.line):\(node.location.column)-\(node.endLocation.line):\(node.endLocation.column) key \(key)")
            pending.append(contentsOf: node.children)
        }
        return lines
    }

    private static func assembled(_ entries: [(key: String, value: Node)], keepingLocations: Bool, inWhole: Bool, depth: Int = 1) throws -> Document {
        var assembler = DocumentAssembler(sourceName: "account")
        try assembler.beginMap(at: nil)
        for _ in 1..<depth {
            try assembler.key("Nested", at: nil)
            try assembler.beginMap(at: nil)
        }
        try assembler.key("Resources", at: nil)
        try assembler.beginMap(at: nil)
        if inWhole {
            try assembler.append(entries: entries, keepingLocations: keepingLocations)
        } else {
            for (key, value) in entries {
                try assembler.key(key, at: keepingLocations ? value.keyLocation : nil)
                try assembler.append(copyOf: value, keepingLocations: keepingLocations)
            }
        }
        for _ in 0..<depth { try assembler.end() }
        try assembler.end()
        return assembler.build()
    }

    @Test(arguments: [true, false])
    func takenInWholeTheyMatchACopyOneByOne(keepingLocations: Bool) throws {
        let source = try load(Self.template, as: .yaml)
        let entries = try Self.renamed(source)
        let whole = try Self.assembled(entries, keepingLocations: keepingLocations, inWhole: true)
        let oneByOne = try Self.assembled(entries, keepingLocations: keepingLocations, inWhole: false)
        #expect(whole.root.value == oneByOne.root.value)
        #expect(Self.described(whole.root) == Self.described(oneByOne.root))
        // The rest of the source came along, but nothing reaches it.
        #expect(whole.root.entries.map(\.key) == ["Resources"])
        let queue = try #require(whole.root["Resources"]?["stack.yaml#Queue"]?["Properties"])
        #expect(queue["M"]?[1]?["n"]?.stringValue == "o")
        #expect(queue["L"]?.path.description == "/Resources/stack.yaml#Queue/Properties/L")
        #expect(queue["L"]?.location.line == (keepingLocations ? 26 : 0))
        // The source's pool came along whole, and its keys still have one id each.
        #expect(entriesMissedByKeyID(in: whole).isEmpty)
        #expect(whole.keyID("Properties") != nil && whole.keyID("NoSuchKey") == nil)
    }

    @Test func placedDeeperThanTheyStoodTheyAreCopiedAndMatch() throws {
        let source = try load(Self.template, as: .yaml)
        let entries = try Self.renamed(source)
        let whole = try Self.assembled(entries, keepingLocations: true, inWhole: true, depth: 3)
        let oneByOne = try Self.assembled(entries, keepingLocations: true, inWhole: false, depth: 3)
        #expect(Self.described(whole.root) == Self.described(oneByOne.root))
    }

    @Test func aKeyGivenTwiceIsRefused() throws {
        let source = try load(Self.template, as: .yaml)
        var entries = try Self.renamed(source)
        entries[1].key = entries[0].key
        let refusal = #expect(throws: Diagnostic.self) { try Self.assembled(entries, keepingLocations: false, inWhole: true) }
        #expect(refusal?.code == .duplicateKey)
    }
}
