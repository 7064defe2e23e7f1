import Foundation

/// A CloudFormation resource type (`AWS::S3::Bucket`), the key by which rules select resources.
public struct ResourceType: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    /// The account itself, for findings that belong to no one resource (AWS Config's
    /// `AWS::::Account`), such as "CloudTrail is enabled".
    public static let account = ResourceType("AWS::::Account")

    /// `S3` in `AWS::S3::Bucket`.
    public var service: String? {
        let parts = rawValue.components(separatedBy: "::")
        return parts.count >= 3 ? parts[1] : nil
    }

    /// Whether the name has the `Vendor::Service::Resource` shape CloudFormation requires.
    public var isWellFormed: Bool {
        let parts = rawValue.components(separatedBy: "::")
        return parts.count >= 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }

    public var description: String { rawValue }

    public static func < (lhs: ResourceType, rhs: ResourceType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A resource's identity within its source: `templates/app.yaml#Bucket` for a template resource,
/// the ARN (or the service's own id where there is no ARN) for a live one.
public struct ResourceID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    /// The id of a template resource: the template's path, `#`, the logical id.
    public static func template(path: String, logicalID: String) -> ResourceID {
        ResourceID("\(path)#\(logicalID)")
    }

    public var description: String { rawValue }

    public static func < (lhs: ResourceID, rhs: ResourceID) -> Bool { lhs.rawValue < rhs.rawValue }
}
