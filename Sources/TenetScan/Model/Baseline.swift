import TenetInventory

/// A finding's identity across runs: rule, resource and property path — never a line number,
/// so moving code around does not turn an accepted finding into a new one.
public struct FindingFingerprint: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(rule: String, resource: ResourceID, propertyPath: String?) {
        let key = [rule, resource.rawValue, propertyPath ?? ""].joined(separator: "\u{1F}")
        rawValue = HexDigest.sha256(of: Array(key.utf8), keeping: 16)
    }

    public var description: String { rawValue }

    public static func < (lhs: FindingFingerprint, rhs: FindingFingerprint) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a finding compares with a baseline: only new findings fail a run that has one.
public enum BaselineClass: String, Sendable, Hashable, CaseIterable {
    case new
    case persistent
}
