import TenetDocument
import TenetInventory

/// RDS DB instances (`DescribeDBInstances`) as `AWS::RDS::DBInstance`.
struct RDSDBInstanceCollector: ResourceCollector {
    let service = AWSService.rds
    let types: [ResourceType] = ["AWS::RDS::DBInstance"]

    /// RDS names its list elements after their type rather than `<member>`.
    static let listItems: Set<String> = ["member", "DBInstance", "VpcSecurityGroupMembership", "Tag", "DBParameterGroup", "OptionGroupMembership", "Subnet"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let pages = try await context.client.queryPages(
            .rds, action: "DescribeDBInstances", token: "Marker", pageSize: context.pageSize.map { ("MaxRecords", max($0, 20)) })
        return pages.flatMap { page in
            DescribedResource(page.child("DBInstances")?.describedValue(listItems: Self.listItems) ?? .list([])).elements
                .map { Self.normalize($0, scope: context.scope) }
        }
    }

    static func normalize(_ instance: DescribedResource, scope: ResourceScope) -> InventoryResource {
        let identifier = instance.string("DBInstanceIdentifier") ?? ""
        let tags = ResourceTags.from(instance, "TagList", "tags")
        let securityGroups = instance.list("VpcSecurityGroups").compactMap { $0.string("VpcSecurityGroupId") }
        var properties = PropertyMap()
        properties.set("DBInstanceIdentifier", identifier)
        properties.set("DBInstanceClass", instance.string("DBInstanceClass"))
        properties.set("Engine", instance.string("Engine"))
        properties.set("EngineVersion", instance.string("EngineVersion"))
        properties.set("DBName", instance.string("DBName"))
        properties.set("MasterUsername", instance.string("MasterUsername"))
        // CloudFormation types AllocatedStorage as a string.
        properties.set("AllocatedStorage", instance.string("AllocatedStorage"))
        properties.set("StorageType", instance.string("StorageType"))
        properties.set("StorageEncrypted", instance.bool("StorageEncrypted") ?? false)
        properties.set("KmsKeyId", instance.string("KmsKeyId"))
        properties.set("PubliclyAccessible", instance.bool("PubliclyAccessible"))
        properties.set("MultiAZ", instance.bool("MultiAZ"))
        properties.set("BackupRetentionPeriod", instance.int("BackupRetentionPeriod"))
        properties.set("DeletionProtection", instance.bool("DeletionProtection"))
        properties.set("AutoMinorVersionUpgrade", instance.bool("AutoMinorVersionUpgrade"))
        properties.set("CopyTagsToSnapshot", instance.bool("CopyTagsToSnapshot"))
        properties.set("EnableIAMDatabaseAuthentication", instance.bool("IAMDatabaseAuthenticationEnabled"))
        properties.set("EnablePerformanceInsights", instance.bool("PerformanceInsightsEnabled"))
        properties.set("DBSubnetGroupName", instance.record("DBSubnetGroup")?.string("DBSubnetGroupName"))
        properties.set("VPCSecurityGroups", list: securityGroups.map(Value.string))
        properties.set("EnableCloudwatchLogsExports", list: instance.strings("EnabledCloudwatchLogsExports").map(Value.string))
        properties.setTags(tags)
        var relationships = securityGroups.map { ResourceRelationship(.references, ResourceID(scope.ec2ARN("security-group/\($0)"))) }
        if let key = instance.string("KmsKeyId") { relationships.append(ResourceRelationship(.references, ResourceID(key))) }
        let arn = instance.string("DBInstanceArn") ?? "arn:aws:rds:\(scope.region ?? ""):\(scope.account):db:\(identifier)"
        return InventoryResource(
            type: "AWS::RDS::DBInstance", id: ResourceID(arn), name: identifier, account: scope.account, region: scope.region,
            tags: tags, properties: properties.node, relationships: relationships)
    }
}
