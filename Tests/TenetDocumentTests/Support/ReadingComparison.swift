@testable import TenetDocument

/// A YAML loader with its ways of reading chosen, for tests that hold them against each other:
/// on one thread or two, whole or in runs of entries.
func yamlLoader(pipelineThreshold: Int = .max, splitThreshold: Int = .max, splitRunBytes: Int = 1) -> YAMLLoader {
    var loader = YAMLLoader()
    loader.pipelineThreshold = pipelineThreshold
    loader.splitThreshold = splitThreshold
    loader.splitRunBytes = splitRunBytes
    return loader
}

/// The diagnostic `loader` refuses `source` with, or nil when it reads it.
func refusal(_ loader: YAMLLoader, _ source: SourceText) -> Diagnostic? {
    do {
        _ = try loader.load(source)
        return nil
    } catch {
        return error
    }
}

/// Every node reachable from the root, in document order, with its path, kind, value (or size)
/// and marks: what two readings of one text must agree on, whatever order their arenas hold
/// the nodes in.
func nodeTree(of document: Document) -> [String] {
    var lines: [String] = []
    var pending = [document.root]
    while let node = pending.popLast() {
        let marks = "\(node.location) \(node.endLocation) \(String(describing: node.keyLocation))"
        let value = node.kind.isScalar ? "\(node.value)" : "\(node.count) children"
        lines.append("\(node.path) \(node.kind) \(value) \(marks)")
        pending.append(contentsOf: node.children.reversed())
    }
    return lines
}

/// The paths of the map entries reachable from the root that their key's `KeyID` does not find:
/// none, when every key of one spelling has one id, in arenas taken in whole and runs read apart
/// as much as in a document read in one piece.
func entriesMissedByKeyID(in document: Document) -> [String] {
    var missed: [String] = []
    var pending = [document.root]
    while let node = pending.popLast() {
        for (key, value) in node.entries where document.keyID(key).flatMap({ node[$0] }) != value {
            missed.append(value.path.description)
        }
        pending.append(contentsOf: node.children)
    }
    return missed
}
