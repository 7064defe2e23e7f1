import TenetGuard

/// A rule, parsed once (when first evaluated, for a bundled one) and then evaluated against any
/// number of documents.
public struct CompiledRule: Sendable {
    public var descriptor: ScannedRule
    public var body: RuleBody

    public init(descriptor: ScannedRule, body: RuleBody) {
        self.descriptor = descriptor
        self.body = body
    }
}
