import TenetGuard

/// A managed rule: its metadata, its compiled Guard body, and where its file and tests are.
public struct ManagedRule: Sendable {
    public var metadata: RuleMetadata
    public var rules: RulesFile
    public var path: String
    public var testPath: String

    public var id: String { metadata.id }
}
