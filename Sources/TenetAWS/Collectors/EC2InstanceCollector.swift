import TenetDocument
import TenetInventory

/// EC2 instances (`DescribeInstances`, every reservation) as `AWS::EC2::Instance`. Terminated
/// instances are left out: they no longer exist to be configured.
struct EC2InstanceCollector: ResourceCollector {
    let service = AWSService.ec2
    let types: [ResourceType] = ["AWS::EC2::Instance"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        try await EC2Listing.items(context, action: "DescribeInstances", set: "reservationSet", nested: "instancesSet")
            .filter { $0.record("instanceState", "state")?.string("name") != "terminated" }
            .map { Self.normalize($0, scope: context.scope) }
    }

    static func normalize(_ instance: DescribedResource, scope: ResourceScope) -> InventoryResource {
        let instanceID = instance.string("instanceId") ?? ""
        let tags = ResourceTags.from(instance, "tagSet", "tags")
        let securityGroups = instance.list("groupSet", "securityGroups").compactMap { $0.string("groupId") }
        let placement = instance.record("placement")
        var properties = PropertyMap()
        properties.set("ImageId", instance.string("imageId"))
        properties.set("InstanceType", instance.string("instanceType"))
        properties.set("KeyName", instance.string("keyName"))
        properties.set("SubnetId", instance.string("subnetId"))
        properties.set("SecurityGroupIds", list: securityGroups.map(Value.string))
        properties.set("IamInstanceProfile", instance.record("iamInstanceProfile")?.string("arn").map { String($0.split(separator: "/").last ?? "") })
        properties.set("Monitoring", instance.record("monitoring").flatMap { $0.string("state") }.map { $0 == "enabled" || $0 == "pending" })
        properties.set("EbsOptimized", instance.bool("ebsOptimized"))
        properties.set("AvailabilityZone", placement?.string("availabilityZone"))
        properties.set("Tenancy", placement?.string("tenancy"))
        properties.set("PrivateIpAddress", instance.string("privateIpAddress"))
        properties.set("SourceDestCheck", instance.bool("sourceDestCheck"))
        properties.set("BlockDeviceMappings", list: instance.list("blockDeviceMapping", "blockDeviceMappings").map { mapping in
            var entry = PropertyMap()
            entry.set("DeviceName", mapping.string("deviceName"))
            var ebs = PropertyMap()
            ebs.set("DeleteOnTermination", mapping.record("ebs")?.bool("deleteOnTermination"))
            entry.set("Ebs", nested: ebs)
            return entry.value
        })
        if let options = instance.record("metadataOptions") {
            var metadata = PropertyMap()
            metadata.set("HttpTokens", options.string("httpTokens"))
            metadata.set("HttpEndpoint", options.string("httpEndpoint"))
            metadata.set("HttpPutResponseHopLimit", options.int("httpPutResponseHopLimit"))
            properties.set("MetadataOptions", nested: metadata)
        }
        properties.setTags(tags)
        var relationships: [ResourceRelationship] = []
        if let subnet = instance.string("subnetId") { relationships.append(ResourceRelationship(.containedIn, ResourceID(scope.ec2ARN("subnet/\(subnet)")))) }
        if let vpc = instance.string("vpcId") { relationships.append(ResourceRelationship(.containedIn, ResourceID(scope.ec2ARN("vpc/\(vpc)")))) }
        relationships += securityGroups.map { ResourceRelationship(.references, ResourceID(scope.ec2ARN("security-group/\($0)"))) }
        return InventoryResource(
            type: "AWS::EC2::Instance", id: ResourceID(scope.ec2ARN("instance/\(instanceID)")), name: tags["Name"] ?? instanceID,
            account: scope.account, region: scope.region, tags: tags, properties: properties.node, relationships: relationships)
    }
}
