import TenetGuard

/// A managed rule: its metadata, its Guard body, and where its file and tests are.
///
/// `testPath` is nil for a rule compiled into the binary: its tests are not bundled.
public struct ManagedRule: Sendable {
    public var metadata: RuleMetadata
    public var body: RuleBody
    public var path: String
    public var testPath: String?

    public var id: String { metadata.id }
}
