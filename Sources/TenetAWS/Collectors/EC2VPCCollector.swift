import TenetInventory

/// VPCs (`DescribeVpcs`) as `AWS::EC2::VPC`.
struct EC2VPCCollector: ResourceCollector {
    let service = AWSService.ec2
    let types: [ResourceType] = ["AWS::EC2::VPC"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        try await EC2Listing.items(context, action: "DescribeVpcs", set: "vpcSet").map { Self.normalize($0, scope: context.scope) }
    }

    static func normalize(_ vpc: DescribedResource, scope: ResourceScope) -> InventoryResource {
        let vpcID = vpc.string("vpcId") ?? ""
        let tags = ResourceTags.from(vpc, "tagSet", "tags")
        var properties = PropertyMap()
        properties.set("CidrBlock", vpc.string("cidrBlock"))
        properties.set("InstanceTenancy", vpc.string("instanceTenancy"))
        properties.setTags(tags)
        return InventoryResource(
            type: "AWS::EC2::VPC", id: ResourceID(scope.ec2ARN("vpc/\(vpcID)")), name: tags["Name"] ?? vpcID,
            account: scope.account, region: scope.region, tags: tags, properties: properties.node)
    }
}
