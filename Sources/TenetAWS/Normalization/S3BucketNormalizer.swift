import TenetDocument
import TenetInventory

/// What Tenet reads of an S3 bucket, gathered from the bucket's sub-resources (live: one call
/// each; AWS Config: `supplementaryConfiguration`), before it becomes CloudFormation properties.
struct S3BucketSettings: Sendable {
    struct EncryptionRule: Sendable {
        var algorithm: String?
        var kmsKeyID: String?
        var bucketKeyEnabled: Bool?
    }

    struct Logging: Sendable {
        var destinationBucket: String?
        var prefix: String?
    }

    var name: String
    var region: String?
    var encryption: [EncryptionRule] = []
    /// `Enabled` or `Suspended`; nil for a bucket that was never versioned (Config's `Off`).
    var versioningStatus: String?
    /// `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls`, `RestrictPublicBuckets`.
    var publicAccessBlock: [String: Bool]?
    var logging: Logging?
    var tags: [String: String] = [:]
    var policy: Value?
}

/// `S3BucketSettings` as `AWS::S3::Bucket`, and the bucket policy, if any, as the
/// `AWS::S3::BucketPolicy` CloudFormation would declare beside it.
enum S3BucketNormalizer {
    static let bucketType: ResourceType = "AWS::S3::Bucket"
    static let policyType: ResourceType = "AWS::S3::BucketPolicy"
    static let publicAccessBlockFields = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

    static func resources(_ bucket: S3BucketSettings, scope: ResourceScope) -> [InventoryResource] {
        let arn = "arn:aws:s3:::\(bucket.name)"
        var properties = PropertyMap()
        properties.set("BucketName", bucket.name)
        if !bucket.encryption.isEmpty {
            properties["BucketEncryption"] = ["ServerSideEncryptionConfiguration": .list(bucket.encryption.map { rule in
                var byDefault = PropertyMap()
                byDefault.set("SSEAlgorithm", rule.algorithm)
                byDefault.set("KMSMasterKeyID", rule.kmsKeyID)
                var entry = PropertyMap()
                entry.set("ServerSideEncryptionByDefault", nested: byDefault)
                entry.set("BucketKeyEnabled", rule.bucketKeyEnabled)
                return entry.value
            })]
        }
        if let status = bucket.versioningStatus { properties["VersioningConfiguration"] = ["Status": .string(status)] }
        if let block = bucket.publicAccessBlock {
            properties["PublicAccessBlockConfiguration"] = .map(publicAccessBlockFields.compactMap { field in block[field].map { Value.Entry(field, .bool($0)) } })
        }
        if let logging = bucket.logging {
            var entry = PropertyMap()
            entry.set("DestinationBucketName", logging.destinationBucket)
            entry.set("LogFilePrefix", logging.prefix)
            properties["LoggingConfiguration"] = entry.value
        }
        properties.setTags(bucket.tags)
        var relationships: [ResourceRelationship] = []
        for rule in bucket.encryption {
            if let key = rule.kmsKeyID { relationships.append(ResourceRelationship(.references, ResourceID(key))) }
        }
        if let target = bucket.logging?.destinationBucket, target != bucket.name {
            relationships.append(ResourceRelationship(.references, ResourceID("arn:aws:s3:::\(target)")))
        }
        var resources = [InventoryResource(
            type: bucketType, id: ResourceID(arn), name: bucket.name, account: scope.account, region: bucket.region,
            tags: bucket.tags, properties: properties.node, relationships: relationships)]
        if let policy = bucket.policy {
            let policyProperties: Value = ["Bucket": .string(bucket.name), "PolicyDocument": policy]
            resources.append(InventoryResource(
                type: policyType, id: ResourceID("\(arn)#policy"), name: bucket.name, account: scope.account, region: bucket.region,
                properties: Document(value: policyProperties).root, relationships: [ResourceRelationship(.attachedTo, ResourceID(arn))]))
        }
        return resources
    }

    /// AWS's `us-east-1` is an empty `LocationConstraint`, and the oldest buckets say `EU`.
    static func region(fromLocationConstraint constraint: String?) -> String {
        switch constraint {
        case nil, "": return "us-east-1"
        case "EU": return "eu-west-1"
        case let region?: return region
        }
    }
}
