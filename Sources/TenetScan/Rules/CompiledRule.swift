import TenetGuard

/// A rule parsed once and ready to evaluate against any number of documents.
public struct CompiledRule: Sendable {
    public var descriptor: ScannedRule
    public var rules: RulesFile

    public init(descriptor: ScannedRule, rules: RulesFile) {
        self.descriptor = descriptor
        self.rules = rules
    }
}
