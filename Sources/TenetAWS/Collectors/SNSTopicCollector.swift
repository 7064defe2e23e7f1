import TenetDocument
import TenetInventory

/// SNS topics (`ListTopics`, `GetTopicAttributes`, `ListTagsForResource`) as `AWS::SNS::Topic`.
struct SNSTopicCollector: ResourceCollector {
    let service = AWSService.sns
    let types: [ResourceType] = ["AWS::SNS::Topic"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let client = context.client
        let pages = try await client.queryPages(.sns, action: "ListTopics", token: "NextToken", pageSize: nil)
        let arns = pages.flatMap { $0.child("Topics")?.children("member").compactMap { $0.text(at: "TopicArn") } ?? [] }
        var resources: [InventoryResource] = []
        for arn in arns {
            let attributes = try await client.query(.sns, action: "GetTopicAttributes", parameters: [("TopicArn", arn)])
            var map: [Value.Entry] = []
            for entry in attributes.element(at: "GetTopicAttributesResult/Attributes")?.children("entry") ?? [] {
                if let key = entry.text(at: "key") { map.append(Value.Entry(key, .string(entry.text(at: "value") ?? ""))) }
            }
            let tagAnswer = try await client.query(.sns, action: "ListTagsForResource", parameters: [("ResourceArn", arn)])
            let tags = ResourceTags.from(list: DescribedResource(tagAnswer.element(at: "ListTagsForResourceResult/Tags")?.describedValue() ?? .list([])).elements)
            resources.append(Self.normalize(DescribedResource(.map(map)), tags: tags, scope: context.scope))
        }
        return resources
    }

    /// The topic's attribute map, as `GetTopicAttributes` and AWS Config both give it.
    static func normalize(_ attributes: DescribedResource, tags: [String: String], scope: ResourceScope) -> InventoryResource {
        let arn = attributes.string("TopicArn") ?? ""
        let name = String(arn.split(separator: ":").last ?? "")
        var properties = PropertyMap()
        properties.set("TopicName", name)
        properties.set("DisplayName", attributes.string("DisplayName"))
        properties.set("KmsMasterKeyId", attributes.string("KmsMasterKeyId"))
        properties.set("FifoTopic", attributes.bool("FifoTopic"))
        properties.set("ContentBasedDeduplication", attributes.bool("ContentBasedDeduplication"))
        properties.set("SignatureVersion", attributes.string("SignatureVersion"))
        properties.setTags(tags)
        return InventoryResource(
            type: "AWS::SNS::Topic", id: ResourceID(arn), name: name, account: scope.account, region: scope.region,
            tags: tags, properties: properties.node)
    }
}
