import TenetDocument
import TenetInventory

/// SQS queues (`ListQueues`, `GetQueueAttributes`, `ListQueueTags`) as `AWS::SQS::Queue`.
struct SQSQueueCollector: ResourceCollector {
    let service = AWSService.sqs
    let types: [ResourceType] = ["AWS::SQS::Queue"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let client = context.client
        let pages = try await client.jsonPages(
            .sqs, operation: "ListQueues", token: "NextToken", responseToken: "NextToken", pageSize: context.pageSize.map { ("MaxResults", $0) })
        var resources: [InventoryResource] = []
        for url in pages.flatMap({ $0["QueueUrls"]?.children.compactMap(\.stringValue) ?? [] }) {
            let attributes = try await client.json(.sqs, operation: "GetQueueAttributes", body: ["QueueUrl": .string(url), "AttributeNames": ["All"]])
            let tags = try await client.json(.sqs, operation: "ListQueueTags", body: ["QueueUrl": .string(url)])
            resources.append(Self.normalize(
                DescribedResource(attributes["Attributes"]?.value ?? [:]), tags: ResourceTags.from(map: DescribedResource(tags.value).record("Tags")),
                scope: context.scope))
        }
        return resources
    }

    /// The queue's attribute map (live `GetQueueAttributes`, or AWS Config's `configuration`),
    /// whose values are all strings; CloudFormation types them.
    static func normalize(_ attributes: DescribedResource, tags: [String: String], scope: ResourceScope) -> InventoryResource {
        let arn = attributes.string("QueueArn") ?? ""
        let name = String(arn.split(separator: ":").last ?? "")
        var properties = PropertyMap()
        properties.set("QueueName", name)
        properties.set("KmsMasterKeyId", attributes.string("KmsMasterKeyId"))
        properties.set("KmsDataKeyReusePeriodSeconds", attributes.int("KmsDataKeyReusePeriodSeconds"))
        properties.set("SqsManagedSseEnabled", attributes.bool("SqsManagedSseEnabled"))
        properties.set("VisibilityTimeout", attributes.int("VisibilityTimeout"))
        properties.set("MessageRetentionPeriod", attributes.int("MessageRetentionPeriod"))
        properties.set("DelaySeconds", attributes.int("DelaySeconds"))
        properties.set("MaximumMessageSize", attributes.int("MaximumMessageSize"))
        properties.set("ReceiveMessageWaitTimeSeconds", attributes.int("ReceiveMessageWaitTimeSeconds"))
        properties.set("FifoQueue", attributes.bool("FifoQueue"))
        properties.set("ContentBasedDeduplication", attributes.bool("ContentBasedDeduplication"))
        properties["RedrivePolicy"] = attributes.string("RedrivePolicy").flatMap(PolicyDocument.parse)
        properties.setTags(tags)
        return InventoryResource(
            type: "AWS::SQS::Queue", id: ResourceID(arn), name: name, account: scope.account, region: scope.region,
            tags: tags, properties: properties.node)
    }
}
