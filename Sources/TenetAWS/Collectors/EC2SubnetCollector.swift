import TenetInventory

/// Subnets (`DescribeSubnets`) as `AWS::EC2::Subnet`, each contained in its VPC.
struct EC2SubnetCollector: ResourceCollector {
    let service = AWSService.ec2
    let types: [ResourceType] = ["AWS::EC2::Subnet"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        try await EC2Listing.items(context, action: "DescribeSubnets", set: "subnetSet").map { Self.normalize($0, scope: context.scope) }
    }

    static func normalize(_ subnet: DescribedResource, scope: ResourceScope) -> InventoryResource {
        let subnetID = subnet.string("subnetId") ?? ""
        let tags = ResourceTags.from(subnet, "tagSet", "tags")
        var properties = PropertyMap()
        properties.set("VpcId", subnet.string("vpcId"))
        properties.set("CidrBlock", subnet.string("cidrBlock"))
        properties.set("AvailabilityZone", subnet.string("availabilityZone"))
        properties.set("MapPublicIpOnLaunch", subnet.bool("mapPublicIpOnLaunch"))
        properties.set("AssignIpv6AddressOnCreation", subnet.bool("assignIpv6AddressOnCreation"))
        properties.setTags(tags)
        let relationships = subnet.string("vpcId").map { [ResourceRelationship(.containedIn, ResourceID(scope.ec2ARN("vpc/\($0)")))] } ?? []
        return InventoryResource(
            type: "AWS::EC2::Subnet", id: ResourceID(scope.ec2ARN("subnet/\(subnetID)")), name: tags["Name"] ?? subnetID,
            account: scope.account, region: scope.region, tags: tags, properties: properties.node, relationships: relationships)
    }
}
