import TenetDocument
import TenetInventory

/// DynamoDB tables (`ListTables`, `DescribeTable`, `DescribeContinuousBackups`,
/// `ListTagsOfResource`) as `AWS::DynamoDB::Table`.
struct DynamoDBTableCollector: ResourceCollector {
    let service = AWSService.dynamoDB
    let types: [ResourceType] = ["AWS::DynamoDB::Table"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let client = context.client
        let pages = try await client.jsonPages(
            .dynamoDB, operation: "ListTables", token: "ExclusiveStartTableName", responseToken: "LastEvaluatedTableName",
            pageSize: context.pageSize.map { ("Limit", $0) })
        var resources: [InventoryResource] = []
        for name in pages.flatMap({ page in page["TableNames"]?.children.compactMap(\.stringValue) ?? [] }) {
            let table = DescribedResource(try await client.json(.dynamoDB, operation: "DescribeTable", body: ["TableName": .string(name)])["Table"]?.value ?? [:])
            let backups = try await client.json(.dynamoDB, operation: "DescribeContinuousBackups", body: ["TableName": .string(name)])
            var tags: [String: String] = [:]
            if let arn = table.string("TableArn") {
                let tagPages = try await client.jsonPages(
                    .dynamoDB, operation: "ListTagsOfResource", body: [Value.Entry("ResourceArn", .string(arn))], token: "NextToken", responseToken: "NextToken", pageSize: nil)
                tags = ResourceTags.from(list: tagPages.flatMap { DescribedResource($0.value).list("Tags") })
            }
            resources.append(Self.normalize(table, continuousBackups: backups["ContinuousBackupsDescription"].map { DescribedResource($0.value) }, tags: tags, scope: context.scope))
        }
        return resources
    }

    /// `TableDescription` (live, or Config's `configuration`) with the continuous-backups answer.
    static func normalize(_ table: DescribedResource, continuousBackups: DescribedResource?, tags: [String: String], scope: ResourceScope) -> InventoryResource {
        let name = table.string("TableName") ?? ""
        var properties = PropertyMap()
        properties.set("TableName", name)
        properties.set("KeySchema", list: table.list("KeySchema").map { element in
            ["AttributeName": .string(element.string("AttributeName") ?? ""), "KeyType": .string(element.string("KeyType") ?? "")]
        })
        properties.set("AttributeDefinitions", list: table.list("AttributeDefinitions").map { element in
            ["AttributeName": .string(element.string("AttributeName") ?? ""), "AttributeType": .string(element.string("AttributeType") ?? "")]
        })
        let billingMode = table.record("BillingModeSummary")?.string("BillingMode") ?? "PROVISIONED"
        properties.set("BillingMode", billingMode)
        if billingMode == "PROVISIONED", let throughput = table.record("ProvisionedThroughput") {
            var capacity = PropertyMap()
            capacity.set("ReadCapacityUnits", throughput.int("ReadCapacityUnits"))
            capacity.set("WriteCapacityUnits", throughput.int("WriteCapacityUnits"))
            properties.set("ProvisionedThroughput", nested: capacity)
        }
        if let recovery = continuousBackups?.record("PointInTimeRecoveryDescription")?.string("PointInTimeRecoveryStatus") {
            properties["PointInTimeRecoverySpecification"] = ["PointInTimeRecoveryEnabled": .bool(recovery == "ENABLED")]
        }
        if let sse = table.record("SSEDescription") {
            var specification = PropertyMap()
            specification.set("SSEEnabled", ["ENABLED", "ENABLING", "UPDATING"].contains(sse.string("Status") ?? ""))
            specification.set("SSEType", sse.string("SSEType"))
            specification.set("KMSMasterKeyId", sse.string("KMSMasterKeyArn"))
            properties.set("SSESpecification", nested: specification)
        }
        if let stream = table.record("StreamSpecification"), stream.bool("StreamEnabled") == true {
            properties["StreamSpecification"] = ["StreamViewType": .string(stream.string("StreamViewType") ?? "")]
        }
        properties.set("TableClass", table.record("TableClassSummary")?.string("TableClass"))
        properties.set("DeletionProtectionEnabled", table.bool("DeletionProtectionEnabled"))
        properties.setTags(tags)
        let arn = table.string("TableArn") ?? "arn:aws:dynamodb:\(scope.region ?? ""):\(scope.account):table/\(name)"
        let relationships = table.record("SSEDescription")?.string("KMSMasterKeyArn").map { [ResourceRelationship(.references, ResourceID($0))] } ?? []
        return InventoryResource(
            type: "AWS::DynamoDB::Table", id: ResourceID(arn), name: name, account: scope.account, region: scope.region,
            tags: tags, properties: properties.node, relationships: relationships)
    }
}
