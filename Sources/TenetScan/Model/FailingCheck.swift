import TenetDocument
import TenetGuard

/// One check that failed for one resource: what was tested, where, and why.
public struct FailingCheck: Sendable {
    /// The offending value's JSON pointer relative to the resource (`/Properties/BucketEncryption`),
    /// or the last node reached when the property is missing. Line-independent, so baselines and
    /// suppressions key on it.
    public var propertyPath: JSONPointer?
    /// The value found; nil when the property is missing.
    public var found: Value?
    public var expected: Value?
    /// The rule's own message (its `<< >>` text), when it has one.
    public var message: String?
    /// Why the check failed, as what its words are made of.
    public var failureReason: FailureReason
    /// The offending node in its file, or the resource's declaration when the property is missing.
    public var location: FileLocation?
    /// When the value is an intrinsic the collector could not resolve: what it depends on
    /// (`parameter EncryptionKey`, `condition IsProduction`), so the reader knows the verdict may
    /// change with that input.
    public var unresolvedDependency: String?

    /// Why the check failed, in words (`BucketEncryption does not exist`).
    public var reason: String {
        get { failureReason.description }
        set { failureReason = FailureReason(newValue) }
    }

    public init(
        propertyPath: JSONPointer?, found: Value?, expected: Value?, message: String?, reason: FailureReason,
        location: FileLocation?, unresolvedDependency: String? = nil
    ) {
        self.propertyPath = propertyPath
        self.found = found
        self.expected = expected
        self.message = message
        failureReason = reason
        self.location = location
        self.unresolvedDependency = unresolvedDependency
    }

    public init(
        propertyPath: JSONPointer?, found: Value?, expected: Value?, message: String?, reason: String,
        location: FileLocation?, unresolvedDependency: String? = nil
    ) {
        self.init(
            propertyPath: propertyPath, found: found, expected: expected, message: message, reason: FailureReason(reason),
            location: location, unresolvedDependency: unresolvedDependency)
    }
}
