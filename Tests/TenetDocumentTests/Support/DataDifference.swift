import TenetDocument

/// Where two documents first differ as data: kinds compared exactly (an int never equals a float,
/// a bool never a string), map order ignored, list order kept.
struct DataDifference: CustomStringConvertible {
    var path: JSONPointer
    var reason: String

    var description: String { "\(path.components.isEmpty ? "/" : path.description): \(reason)" }

    /// The first difference between `actual` and `expected` in document order, or nil if they
    /// hold the same data. Iterative, so documents as deep as the depth limit compare on any stack.
    static func first(_ actual: Node, _ expected: Node) -> DataDifference? {
        var pending = [(actual, expected)]
        while let (actual, expected) = pending.popLast() {
            guard actual.kind == expected.kind else {
                return DataDifference(path: actual.path, reason: "\(actual.kind) \(preview(actual)), expected \(expected.kind) \(preview(expected))")
            }
            switch actual.kind {
            case .null:
                continue
            case .bool, .int, .float, .string:
                if actual.value != expected.value {
                    return DataDifference(path: actual.path, reason: "\(preview(actual)), expected \(preview(expected))")
                }
            case .list:
                guard actual.count == expected.count else {
                    return DataDifference(path: actual.path, reason: "\(actual.count) elements, expected \(expected.count)")
                }
                pending.append(contentsOf: zip(actual.children, expected.children).reversed())
            case .map:
                var pairs: [(Node, Node)] = []
                for (key, value) in actual.entries {
                    guard let expectedValue = expected[key] else {
                        return DataDifference(path: value.path, reason: "an unexpected key")
                    }
                    pairs.append((value, expectedValue))
                }
                for (key, _) in expected.entries where actual[key] == nil {
                    return DataDifference(path: actual.path.appending(key: key), reason: "a missing key")
                }
                pending.append(contentsOf: pairs.reversed())
            }
        }
        return nil
    }

    private static func preview(_ node: Node) -> String {
        let text = JSONWriter(style: .compact).string(for: node)
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
