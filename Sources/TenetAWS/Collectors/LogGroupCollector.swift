import TenetDocument
import TenetInventory

/// CloudWatch Logs log groups (`DescribeLogGroups`, `ListTagsForResource`) as `AWS::Logs::LogGroup`.
struct LogGroupCollector: ResourceCollector {
    let service = AWSService.cloudWatchLogs
    let types: [ResourceType] = ["AWS::Logs::LogGroup"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let client = context.client
        let pages = try await client.jsonPages(
            .cloudWatchLogs, operation: "DescribeLogGroups", token: "nextToken", responseToken: "nextToken", pageSize: context.pageSize.map { ("limit", $0) })
        var resources: [InventoryResource] = []
        for group in pages.flatMap({ DescribedResource($0.value).list("logGroups") }) {
            let arn = Self.arn(group, scope: context.scope)
            let tags = try await client.json(.cloudWatchLogs, operation: "ListTagsForResource", body: ["resourceArn": .string(arn)])
            resources.append(Self.normalize(group, tags: ResourceTags.from(map: DescribedResource(tags.value).record("tags")), scope: context.scope))
        }
        return resources
    }

    /// `arn` ends in `:*` (the log streams); the group's own ARN is `logGroupArn`, or `arn` without it.
    static func arn(_ group: DescribedResource, scope: ResourceScope) -> String {
        if let arn = group.string("logGroupArn") { return arn }
        if let arn = group.string("arn") { return arn.hasSuffix(":*") ? String(arn.dropLast(2)) : arn }
        return "arn:aws:logs:\(scope.region ?? ""):\(scope.account):log-group:\(group.string("logGroupName") ?? "")"
    }

    static func normalize(_ group: DescribedResource, tags: [String: String], scope: ResourceScope) -> InventoryResource {
        let name = group.string("logGroupName") ?? ""
        var properties = PropertyMap()
        properties.set("LogGroupName", name)
        properties.set("RetentionInDays", group.int("retentionInDays"))
        properties.set("KmsKeyId", group.string("kmsKeyId"))
        properties.set("LogGroupClass", group.string("logGroupClass"))
        properties.setTags(tags)
        let relationships = group.string("kmsKeyId").map { [ResourceRelationship(.references, ResourceID($0))] } ?? []
        return InventoryResource(
            type: "AWS::Logs::LogGroup", id: ResourceID(arn(group, scope: scope)), name: name, account: scope.account, region: scope.region,
            tags: tags, properties: properties.node, relationships: relationships)
    }
}
