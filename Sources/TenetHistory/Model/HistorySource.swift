import TenetInventory

/// The scope one hash chain covers: an account and its regions, or a template root.
///
/// Snapshots of one source are compared with each other; snapshots of different sources never
/// are, so recording one account's scan does not delete another's resources.
public struct HistorySource: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// `aws:123456789012:eu-west-1,us-east-1`, `templates:infra`, `aws-config:snapshot.json`.
    public init(header: SnapshotHeader) {
        switch header.source {
        case .templates(let paths):
            rawValue = "templates:" + paths.sorted().joined(separator: ",")
        case .aws(let account, let regions, _):
            rawValue = "aws:\(account ?? "unknown-account"):" + regions.sorted().joined(separator: ",")
        case .awsConfig(let files):
            rawValue = "aws-config:" + files.sorted().joined(separator: ",")
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: HistorySource, rhs: HistorySource) -> Bool { lhs.rawValue < rhs.rawValue }
}
