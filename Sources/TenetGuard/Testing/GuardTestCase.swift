import TenetDocument

/// One case of a Guard rule-test file: an input document and the status expected of some rules.
public struct GuardTestCase: Sendable {
    public let name: String?
    /// The case's position in its file, from 1, for cases without a name.
    public let number: Int
    public let input: Node
    public let expectations: [(rule: String, status: GuardStatus)]

    /// Reads the Guard test format: a list of `{name, input, expectations: {rules: {RULE: STATUS}}}`.
    public static func cases(in document: Document) throws(Diagnostic) -> [GuardTestCase] {
        let root = document.root
        guard root.kind == .list else {
            throw formatError("a rule-test file is a list of test cases", at: root)
        }
        var cases: [GuardTestCase] = []
        for (offset, entry) in root.children.enumerated() {
            guard entry.kind == .map else { throw formatError("a test case is a map with 'input' and 'expectations'", at: entry) }
            let input = entry["input"] ?? Document(value: .map([]), sourceName: document.sourceName).root
            var expectations: [(String, GuardStatus)] = []
            if let rules = entry["expectations"]?["rules"] {
                guard rules.kind == .map else { throw formatError("'expectations.rules' maps rule names to PASS, FAIL or SKIP", at: rules) }
                for (rule, statusNode) in rules.entries {
                    guard let text = statusNode.stringValue, let status = GuardStatus(rawValue: text) else {
                        throw formatError("the expected status of \(rule) must be PASS, FAIL or SKIP", at: statusNode)
                    }
                    expectations.append((rule, status))
                }
            }
            cases.append(GuardTestCase(name: entry["name"]?.stringValue, number: offset + 1, input: input, expectations: expectations))
        }
        return cases
    }

    private static func formatError(_ message: String, at node: Node) -> Diagnostic {
        Diagnostic(code: .guardTestFormat, message: message, location: node.fileLocation)
    }

    /// The name shown in reports.
    public var displayName: String { name ?? "#\(number)" }
}
