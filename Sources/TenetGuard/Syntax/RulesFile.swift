import TenetDocument

/// A named rule: `rule NAME [when conditions] { body }`.
public struct GuardRule: Sendable {
    public var name: String
    public var conditions: Conjunction?
    public var body: ClauseBlock
    public var span: SourceSpan
}

/// `rule NAME(p1, p2) { body }`: called like a function, never reported on its own.
public struct ParameterizedRule: Sendable {
    public var name: String
    public var parameters: [String]
    public var body: ClauseBlock
    public var span: SourceSpan
}

/// A parsed rules file, compiled once and evaluated against any number of documents.
public struct RulesFile: Sendable {
    /// The file name as given; `default` rule reports name it.
    public var name: String
    public let bindings: [VariableBinding]
    /// Rules in evaluation order: the implicit `default` rule (top-level clauses) first.
    public let rules: [GuardRule]
    public let parameterizedRules: [ParameterizedRule]
    /// The text the rules were parsed from, to quote in evaluation errors.
    public let source: SourceText

    /// The name cfn-guard gives the rule that collects a file's top-level clauses.
    public static let defaultRuleName = "default"

    /// Rule indices by name, in file order; several rules may share a name.
    let rulesByName: [String: [Int]]
    let parameterizedRulesByName: [String: Int]
    let bindingsByName: [String: VariableBinding]
    /// The number of distinct keys the queries name (`KeySpellings.number` is below it).
    let keyCount: Int

    init(source: SourceText, bindings: [VariableBinding], rules: [GuardRule], parameterizedRules: [ParameterizedRule], keyCount: Int) {
        self.name = source.name
        self.keyCount = keyCount
        self.source = source
        self.bindings = bindings
        self.rules = rules
        self.parameterizedRules = parameterizedRules
        bindingsByName = VariableBinding.byName(bindings)
        var byName: [String: [Int]] = [:]
        for (index, rule) in rules.enumerated() { byName[rule.name, default: []].append(index) }
        rulesByName = byName
        var parameterized: [String: Int] = [:]
        for (index, rule) in parameterizedRules.enumerated() { parameterized[rule.name] = index }
        parameterizedRulesByName = parameterized
    }

    /// Whether the file holds no rules at all (empty, or comments only), which is not an error.
    public var isEmpty: Bool { rules.isEmpty && parameterizedRules.isEmpty }
}
