import TenetDocument

/// Parameters laid over the documents rules see, as cfn-guard's `--input-parameters` does, but
/// per rule: each rule sees its own `RuleParameters` map at the top level of the document.
public struct RuleParameters: Sendable {
    /// Top-level entries merged into the root for every rule (`validate -i FILE`).
    public var shared: [(key: String, value: Node)]
    /// The `RuleParameters` map each named rule sees.
    public var byRule: [String: Node]

    public init(shared: [(key: String, value: Node)] = [], byRule: [String: Node] = [:]) {
        self.shared = shared
        self.byRule = byRule
    }

    public static let none = RuleParameters()

    /// The top-level entries of parameter documents, in order; a later file's key wins.
    public init(sharedDocuments documents: [Document]) {
        var entries: [(key: String, value: Node)] = []
        for document in documents {
            for (key, value) in document.root.entries {
                entries.removeAll { $0.key == key }
                entries.append((key, value))
            }
        }
        self.init(shared: entries)
    }

    /// The name under which a rule finds its own parameters.
    public static let key = "RuleParameters"

    func overlay(forRule name: String) -> [(key: String, value: Node)]? {
        guard let own = byRule[name] else { return nil }
        return shared + [(Self.key, own)]
    }
}
