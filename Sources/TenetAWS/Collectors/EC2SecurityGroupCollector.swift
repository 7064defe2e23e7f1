import TenetDocument
import TenetInventory

/// Security groups (`DescribeSecurityGroups`) as `AWS::EC2::SecurityGroup`, one CloudFormation
/// rule per source: EC2 groups a rule's CIDR ranges and peer groups under one permission, while
/// CloudFormation's `SecurityGroupIngress` entry names exactly one source — which is what a rule
/// like "no 0.0.0.0/0 on port 22" reads.
struct EC2SecurityGroupCollector: ResourceCollector {
    let service = AWSService.ec2
    let types: [ResourceType] = ["AWS::EC2::SecurityGroup"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        try await EC2Listing.items(context, action: "DescribeSecurityGroups", set: "securityGroupInfo").map { Self.normalize($0, scope: context.scope) }
    }

    static func normalize(_ group: DescribedResource, scope: ResourceScope) -> InventoryResource {
        let groupID = group.string("groupId") ?? ""
        let tags = ResourceTags.from(group, "tagSet", "tags")
        var properties = PropertyMap()
        properties.set("GroupName", group.string("groupName"))
        properties.set("GroupDescription", group.string("groupDescription", "description"))
        properties.set("VpcId", group.string("vpcId"))
        properties.set("SecurityGroupIngress", list: group.list("ipPermissions").flatMap { rules($0, peer: "Source") })
        properties.set("SecurityGroupEgress", list: group.list("ipPermissionsEgress").flatMap { rules($0, peer: "Destination") })
        properties.setTags(tags)
        let relationships = group.string("vpcId").map { [ResourceRelationship(.containedIn, ResourceID(scope.ec2ARN("vpc/\($0)")))] } ?? []
        return InventoryResource(
            type: "AWS::EC2::SecurityGroup", id: ResourceID(scope.ec2ARN("security-group/\(groupID)")), name: group.string("groupName") ?? groupID,
            account: scope.account, region: scope.region, tags: tags, properties: properties.node, relationships: relationships)
    }

    /// One EC2 permission as CloudFormation rules. Config writes IPv4 ranges twice (`ipRanges` as
    /// strings and `ipv4Ranges` as objects); EC2's XML only as `ipRanges` objects.
    static func rules(_ permission: DescribedResource, peer: String) -> [Value] {
        var base = PropertyMap()
        base.set("IpProtocol", permission.string("ipProtocol"))
        base.set("FromPort", permission.int("fromPort"))
        base.set("ToPort", permission.int("toPort"))
        func rule(_ key: String, _ source: String, description: String?) -> Value {
            var rule = base
            rule.set(key, source)
            rule.set("Description", description)
            return rule.value
        }
        let ipv4 = permission.field("ipv4Ranges") != nil ? permission.list("ipv4Ranges") : permission.list("ipRanges")
        var rules = ipv4.compactMap { range -> Value? in
            guard let cidr = range.text ?? range.string("cidrIp") else { return nil }
            return rule("CidrIp", cidr, description: range.string("description"))
        }
        rules += permission.list("ipv6Ranges").compactMap { range in
            range.string("cidrIpv6").map { rule("CidrIpv6", $0, description: range.string("description")) }
        }
        rules += permission.list("groups", "userIdGroupPairs").compactMap { pair in
            pair.string("groupId").map { rule("\(peer)SecurityGroupId", $0, description: pair.string("description")) }
        }
        rules += permission.list("prefixListIds").compactMap { prefix in
            prefix.string("prefixListId").map { rule("\(peer)PrefixListId", $0, description: prefix.string("description")) }
        }
        return rules
    }
}
