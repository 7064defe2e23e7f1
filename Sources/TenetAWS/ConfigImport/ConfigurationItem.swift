import TenetDocument

/// One AWS Config configuration item, read from whichever form it came in.
///
/// Files delivered to S3 write `ARN` and `awsAccountId` and give `configuration` as an object;
/// `get-resource-config-history` writes `arn` and `accountId` and gives `configuration` — and
/// each `supplementaryConfiguration` value — as JSON text. Both are accepted, so a normalizer
/// only ever sees the object.
struct ConfigurationItem {
    var resourceType: String
    var resourceID: String
    var arn: String?
    var resourceName: String?
    var account: String?
    var region: String?
    var status: String?
    var captureTime: String?
    var configuration: DescribedResource
    var supplementary: [String: DescribedResource]
    var tags: [String: String]

    /// Statuses of an item that records a resource's absence rather than its configuration.
    static let deletedStatuses: Set<String> = ["ResourceDeleted", "ResourceDeletedNotRecorded", "ResourceNotRecorded"]

    var isDeleted: Bool { status.map(Self.deletedStatuses.contains) ?? false }

    init(_ node: Node) throws(Diagnostic) {
        let record = DescribedResource(node.value)
        guard node.kind == .map, let type = record.string("resourceType") else {
            throw Diagnostic(
                code: .invalidConfigFile, message: "a configuration item has no 'resourceType'; expected an object with resourceType, resourceId and configuration",
                location: node.fileLocation)
        }
        resourceType = type
        resourceID = record.string("resourceId") ?? ""
        arn = record.string("ARN", "arn")
        resourceName = record.string("resourceName")
        account = record.string("awsAccountId", "accountId")
        region = record.string("awsRegion")
        status = record.string("configurationItemStatus")
        captureTime = record.string("configurationItemCaptureTime")
        configuration = DescribedResource(try Self.embedded(record.field("configuration"), node: node["configuration"] ?? node, what: "configuration") ?? [:])
        supplementary = [:]
        if case .map(let entries)? = record.field("supplementaryConfiguration") {
            for entry in entries {
                let value = try Self.embedded(entry.value, node: node["supplementaryConfiguration"]?[entry.key] ?? node, what: "supplementaryConfiguration.\(entry.key)")
                if let value { supplementary[entry.key] = DescribedResource(value) }
            }
        }
        tags = ResourceTags.from(record, "tags")
    }

    /// A value that may be JSON text (the API's form) or already the object (the files' form).
    private static func embedded(_ value: Value?, node: Node, what: String) throws(Diagnostic) -> Value? {
        guard case .string(let text) = value else { return value }
        let trimmed = text.drop(while: { $0.isWhitespace })
        guard trimmed.first == "{" || trimmed.first == "[" else { return value }
        do {
            return try JSONLoader().load(SourceText(name: node.document.sourceName, bytes: Array(text.utf8))).root.value
        } catch {
            throw Diagnostic(
                code: .invalidConfigFile, message: "'\(what)' holds JSON text that does not parse (\(error.message)); expected the resource's configuration as JSON",
                location: node.fileLocation)
        }
    }
}

extension DiagnosticCode {
    public static let invalidConfigFile = DiagnosticCode("aws-config.invalid")
}
