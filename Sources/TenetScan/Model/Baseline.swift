import TenetInventory

/// A finding's identity across runs: rule, resource and property path — never a line number,
/// so moving code around does not turn an accepted finding into a new one.
public struct FindingFingerprint: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(rule: String, resource: ResourceID, propertyPath: String?) {
        // The key's bytes are gathered in one buffer, not joined as strings first: a JSON or SARIF
        // report takes the fingerprint of each of a large run's hundreds of thousands of findings.
        var key: [UInt8] = []
        key.reserveCapacity(rule.utf8.count + resource.rawValue.utf8.count + (propertyPath?.utf8.count ?? 0) + 2)
        key.append(contentsOf: rule.utf8)
        key.append(0x1F)
        key.append(contentsOf: resource.rawValue.utf8)
        key.append(0x1F)
        if let propertyPath { key.append(contentsOf: propertyPath.utf8) }
        rawValue = HexDigest.sha256(of: key, keeping: 16)
    }

    public var description: String { rawValue }

    public static func < (lhs: FindingFingerprint, rhs: FindingFingerprint) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a finding compares with a baseline: only new findings fail a run that has one.
public enum BaselineClass: String, Sendable, Hashable, CaseIterable {
    case new
    case persistent
}
