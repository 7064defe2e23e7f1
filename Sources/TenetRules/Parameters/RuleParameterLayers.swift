import TenetDocument
import TenetGuard

/// Where the parameter values a managed rule sees come from, in increasing precedence: the
/// defaults its metadata declares, the pack's values, the repository's configuration file, and
/// `--rule-param` flags. Each layer replaces single parameters, not a rule's whole map, so a
/// flag that sets one value keeps the others the pack chose.
public struct RuleParameterLayers: Sendable {
    /// Values from the pack: rule id → parameter values.
    public var pack: [String: [Value.Entry]]
    /// Values from the repository configuration file: rule id → parameter name → value.
    public var configuration: [String: [String: Value]]
    /// Values from `--rule-param` flags, later flags over earlier ones.
    public var commandLine: [RuleParameterAssignment]

    public init(pack: [String: [Value.Entry]] = [:], configuration: [String: [String: Value]] = [:], commandLine: [RuleParameterAssignment] = []) {
        self.pack = pack
        self.configuration = configuration
        self.commandLine = commandLine
    }

    /// The `RuleParameters` of `rules`. A configuration entry for a rule the library lacks, or a
    /// parameter that rule does not declare, is an error: a misspelt key would otherwise be
    /// silently ignored. Values for library rules outside `rules` are not an error, since one
    /// configuration serves every pack.
    public func parameters(for rules: [ManagedRule], library: ManagedRuleLibrary) throws(Diagnostic) -> RuleParameters {
        for (id, values) in configuration.sorted(by: { $0.key < $1.key }) {
            guard let rule = library.rule(id) else {
                throw Diagnostic(code: .invalidRuleParameter, message: "the configuration sets parameters of \(id), which is not a managed rule")
            }
            let declared = Set(rule.metadata.parameters.map(\.name))
            for name in values.keys.sorted() where !declared.contains(name) {
                throw Diagnostic(code: .invalidRuleParameter, message: "the configuration sets \(id).\(name), which \(id) does not declare")
            }
        }
        var flags: [String: [Value.Entry]] = [:]
        for assignment in commandLine {
            flags[assignment.rule, default: []].append(Value.Entry(assignment.parameter, assignment.value))
        }
        let configured = configuration.mapValues { $0.sorted { $0.key < $1.key }.map { Value.Entry($0.key, $0.value) } }

        var byRule: [String: Node] = [:]
        for rule in rules {
            var entries = rule.metadata.parameters.map { Value.Entry($0.name, $0.defaultValue) }
            for layer in [pack, configured, flags] {
                for entry in layer[rule.id] ?? [] {
                    entries.removeAll { $0.key == entry.key }
                    entries.append(entry)
                }
            }
            if !entries.isEmpty { byRule[rule.id] = Document(value: .map(entries), sourceName: "parameters of \(rule.id)").root }
        }
        return RuleParameters(byRule: byRule)
    }
}
