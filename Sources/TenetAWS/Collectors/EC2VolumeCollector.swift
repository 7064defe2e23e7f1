import TenetDocument
import TenetInventory

/// EBS volumes (`DescribeVolumes`) as `AWS::EC2::Volume`.
struct EC2VolumeCollector: ResourceCollector {
    let service = AWSService.ec2
    let types: [ResourceType] = ["AWS::EC2::Volume"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        try await EC2Listing.items(context, action: "DescribeVolumes", set: "volumeSet").map { Self.normalize($0, scope: context.scope) }
    }

    /// Reads EC2's `volumeSet` item and AWS Config's `configuration` alike.
    static func normalize(_ volume: DescribedResource, scope: ResourceScope) -> InventoryResource {
        let volumeID = volume.string("volumeId") ?? ""
        let tags = ResourceTags.from(volume, "tagSet", "tags")
        var properties = PropertyMap()
        properties.set("AvailabilityZone", volume.string("availabilityZone"))
        properties.set("Size", volume.int("size"))
        properties.set("VolumeType", volume.string("volumeType"))
        properties.set("Encrypted", volume.bool("encrypted") ?? false)
        properties.set("KmsKeyId", volume.string("kmsKeyId"))
        properties.set("Iops", volume.int("iops"))
        properties.set("Throughput", volume.int("throughput"))
        properties.set("SnapshotId", volume.string("snapshotId"))
        properties.set("MultiAttachEnabled", volume.bool("multiAttachEnabled"))
        properties.setTags(tags)
        var relationships = volume.list("attachmentSet", "attachments").compactMap { attachment in
            attachment.string("instanceId").map { ResourceRelationship(.attachedTo, ResourceID(scope.ec2ARN("instance/\($0)"))) }
        }
        if let key = volume.string("kmsKeyId") { relationships.append(ResourceRelationship(.references, ResourceID(key))) }
        return InventoryResource(
            type: "AWS::EC2::Volume", id: ResourceID(scope.ec2ARN("volume/\(volumeID)")), name: tags["Name"] ?? volumeID,
            account: scope.account, region: scope.region, tags: tags, properties: properties.node, relationships: relationships)
    }
}
