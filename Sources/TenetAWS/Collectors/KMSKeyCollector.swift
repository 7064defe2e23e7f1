import TenetDocument
import TenetInventory

/// Customer-managed KMS keys (`ListKeys`, `DescribeKey`, `GetKeyRotationStatus`, `GetKeyPolicy`,
/// `ListResourceTags`) as `AWS::KMS::Key`. AWS-managed keys are left out: no one configures them.
struct KMSKeyCollector: ResourceCollector {
    let service = AWSService.kms
    let types: [ResourceType] = ["AWS::KMS::Key"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let client = context.client
        let pages = try await client.jsonPages(
            .kms, operation: "ListKeys", token: "Marker", responseToken: "NextMarker", pageSize: context.pageSize.map { ("Limit", $0) })
        var resources: [InventoryResource] = []
        for key in pages.flatMap({ $0["Keys"]?.children.map { $0 } ?? [] }) {
            guard let keyID = key["KeyId"]?.stringValue else { continue }
            let metadata = DescribedResource(try await client.json(.kms, operation: "DescribeKey", body: ["KeyId": .string(keyID)])["KeyMetadata"]?.value ?? [:])
            guard metadata.string("KeyManager") != "AWS" else { continue }
            // Rotation and policy can only be read from a key that is not pending deletion or import.
            var rotation: Bool?
            var policy: String?
            if ["Enabled", "Disabled"].contains(metadata.string("KeyState") ?? "Enabled") {
                rotation = try await client.json(.kms, operation: "GetKeyRotationStatus", body: ["KeyId": .string(keyID)])["KeyRotationEnabled"]?.boolValue
                policy = try await client.json(.kms, operation: "GetKeyPolicy", body: ["KeyId": .string(keyID), "PolicyName": "default"])["Policy"]?.stringValue
            }
            let tagPages = try await client.jsonPages(.kms, operation: "ListResourceTags", body: [Value.Entry("KeyId", .string(keyID))], token: "Marker", responseToken: "NextMarker", pageSize: nil)
            let tags = ResourceTags.from(list: tagPages.flatMap { DescribedResource($0.value).list("Tags") })
            resources.append(Self.normalize(metadata, rotationEnabled: rotation, policy: PolicyDocument.parse(policy), tags: tags, scope: context.scope))
        }
        return resources
    }

    /// `KeyMetadata` (live, or Config's `configuration`), with what other calls add.
    static func normalize(_ key: DescribedResource, rotationEnabled: Bool?, policy: Value?, tags: [String: String], scope: ResourceScope) -> InventoryResource {
        let keyID = key.string("KeyId") ?? ""
        var properties = PropertyMap()
        properties.set("Description", key.string("Description"))
        properties.set("Enabled", key.bool("Enabled"))
        properties.set("EnableKeyRotation", rotationEnabled)
        properties.set("KeySpec", key.string("KeySpec", "CustomerMasterKeySpec"))
        properties.set("KeyUsage", key.string("KeyUsage"))
        properties.set("MultiRegion", key.bool("MultiRegion"))
        properties.set("Origin", key.string("Origin"))
        properties["KeyPolicy"] = policy
        properties.setTags(tags)
        let arn = key.string("Arn") ?? "arn:aws:kms:\(scope.region ?? ""):\(scope.account):key/\(keyID)"
        return InventoryResource(
            type: "AWS::KMS::Key", id: ResourceID(arn), name: keyID, account: scope.account, region: scope.region,
            tags: tags, properties: properties.node)
    }
}
