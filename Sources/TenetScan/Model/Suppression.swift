import Foundation
import TenetDocument

/// A governed exception: someone named, for a reason, until a date, accepted a finding.
public struct Suppression: Sendable, Hashable {
    /// Raw values are the names reports and the history store write.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// `Metadata.tenet.suppress` in a template resource.
        case inlineTenet = "inline-tenet"
        /// The registry's `Metadata.guard.SuppressedRules` convention, which has no owner or reason.
        case inlineGuard = "inline-guard"
        /// The central suppressions file.
        case central
    }

    /// A rule id, or a glob over rule ids (`S3_*`).
    public var rule: String
    /// A resource id, a resource type, or a glob over ids; nil for an inline suppression, which
    /// applies to the resource that declares it.
    public var resource: String?
    /// Limits the suppression to failing checks under this property path.
    public var propertyPath: JSONPointer?
    public var reason: String?
    public var owner: String?
    /// The first instant at which it no longer suppresses — for a date-only expiry, the midnight
    /// UTC that ends the named day; nil for no expiry.
    public var expires: Date?
    /// `expires` as its author wrote it (`2026-12-31`), for reports: a date-only expiry is stored
    /// as the following midnight, which would read as a day too late.
    public var expiresAsWritten: String?
    public var origin: Origin
    /// Where the suppression is written.
    public var location: FileLocation?

    public init(
        rule: String, resource: String? = nil, propertyPath: JSONPointer? = nil, reason: String?, owner: String?,
        expires: Date?, expiresAsWritten: String? = nil, origin: Origin, location: FileLocation?
    ) {
        self.rule = rule
        self.resource = resource
        self.propertyPath = propertyPath
        self.reason = reason
        self.owner = owner
        self.expires = expires
        self.expiresAsWritten = expiresAsWritten
        self.origin = origin
        self.location = location
    }

    public func isExpired(at now: Date) -> Bool {
        expires.map { $0 <= now } ?? false
    }
}
