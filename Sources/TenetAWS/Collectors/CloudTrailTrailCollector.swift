import TenetDocument
import TenetInventory

/// CloudTrail trails (`DescribeTrails`, `GetTrailStatus`, `ListTags`) as `AWS::CloudTrail::Trail`.
///
/// Only trails whose home is the region being read: a multi-region trail shows in every region,
/// and one trail must be one resource.
struct CloudTrailTrailCollector: ResourceCollector {
    let service = AWSService.cloudTrail
    let types: [ResourceType] = ["AWS::CloudTrail::Trail"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let client = context.client
        let answer = try await client.json(.cloudTrail, operation: "DescribeTrails", body: ["includeShadowTrails": false])
        var resources: [InventoryResource] = []
        for trail in DescribedResource(answer.value).list("trailList") {
            guard let arn = trail.string("TrailARN"), (trail.string("HomeRegion") ?? context.client.region) == context.client.region else { continue }
            let status = try await client.json(.cloudTrail, operation: "GetTrailStatus", body: ["Name": .string(arn)])
            let tagAnswer = try await client.json(.cloudTrail, operation: "ListTags", body: ["ResourceIdList": [.string(arn)]])
            let tags = ResourceTags.from(list: DescribedResource(tagAnswer.value).list("ResourceTagList").flatMap { $0.list("TagsList") })
            resources.append(Self.normalize(trail, isLogging: status["IsLogging"]?.boolValue, tags: tags, scope: context.scope))
        }
        return resources
    }

    static func normalize(_ trail: DescribedResource, isLogging: Bool?, tags: [String: String], scope: ResourceScope) -> InventoryResource {
        let name = trail.string("Name") ?? ""
        var properties = PropertyMap()
        properties.set("TrailName", name)
        properties.set("IsLogging", isLogging)
        properties.set("S3BucketName", trail.string("S3BucketName"))
        properties.set("S3KeyPrefix", trail.string("S3KeyPrefix"))
        properties.set("SnsTopicName", trail.string("SnsTopicName"))
        properties.set("IsMultiRegionTrail", trail.bool("IsMultiRegionTrail"))
        properties.set("IncludeGlobalServiceEvents", trail.bool("IncludeGlobalServiceEvents"))
        properties.set("EnableLogFileValidation", trail.bool("LogFileValidationEnabled"))
        properties.set("IsOrganizationTrail", trail.bool("IsOrganizationTrail"))
        properties.set("KMSKeyId", trail.string("KmsKeyId"))
        properties.set("CloudWatchLogsLogGroupArn", trail.string("CloudWatchLogsLogGroupArn"))
        properties.set("CloudWatchLogsRoleArn", trail.string("CloudWatchLogsRoleArn"))
        properties.setTags(tags)
        var relationships: [ResourceRelationship] = []
        if let bucket = trail.string("S3BucketName") { relationships.append(ResourceRelationship(.references, ResourceID("arn:aws:s3:::\(bucket)"))) }
        if let key = trail.string("KmsKeyId") { relationships.append(ResourceRelationship(.references, ResourceID(key))) }
        let arn = trail.string("TrailARN") ?? "arn:aws:cloudtrail:\(scope.region ?? ""):\(scope.account):trail/\(name)"
        return InventoryResource(
            type: "AWS::CloudTrail::Trail", id: ResourceID(arn), name: name, account: scope.account, region: scope.region,
            tags: tags, properties: properties.node, relationships: relationships)
    }
}
