import TenetInventory
import TenetRules

/// A rule as a scan ran it: identity, severity and the metadata reports show, plus the hash of
/// its text so history can tell which version of a rule produced a verdict.
public struct ScannedRule: Sendable, Identifiable {
    /// The managed-rule identifier, or a custom rule file's `<file stem>` / rule name.
    public var id: String
    public var title: String
    public var severity: Severity
    /// Managed rules and custom rules with a metadata block carry it; others have none.
    public var metadata: RuleMetadata?
    /// The resource types the rule is about; empty with `appliesToAccount` for account-level
    /// rules, whose findings belong to the document's pseudo-resource.
    public var resourceTypes: [ResourceType]
    public var appliesToAccount: Bool
    /// Where the rule's text came from (`rules/encryption/ENCRYPTED_VOLUMES.guard`).
    public var sourcePath: String
    /// Hex SHA-256 of the rule's source text.
    public var versionHash: String

    public init(
        id: String, title: String, severity: Severity, metadata: RuleMetadata?, resourceTypes: [ResourceType],
        appliesToAccount: Bool, sourcePath: String, versionHash: String
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.metadata = metadata
        self.resourceTypes = resourceTypes
        self.appliesToAccount = appliesToAccount
        self.sourcePath = sourcePath
        self.versionHash = versionHash
    }

    public static func versionHash(ofText text: String) -> String {
        versionHash(of: Array(text.utf8))
    }

    public static func versionHash(of text: [UInt8]) -> String {
        HexDigest.sha256(of: text)
    }
}
