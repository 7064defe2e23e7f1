import TenetDocument
import TenetInventory

/// One configuration item as inventory resources, by its type.
///
/// Where Config records the describe-API shape (EC2, RDS, DynamoDB, Lambda, CloudTrail, KMS,
/// CloudWatch Logs, SNS and SQS attributes) the live collector's normalizer reads `configuration`
/// directly; S3 keeps its settings in `supplementaryConfiguration`, which is translated into the
/// same `S3BucketSettings` the live collector fills.
enum ConfigItemNormalizer {
    /// nil for types this does not normalize on its own (IAM, which goes per account, and
    /// types Tenet does not cover). Ids come from the normalizers, not from the item's `ARN`, so
    /// a resource has the same id live and from Config (Config's log group ARN ends in `:*`).
    static func normalize(_ item: ConfigurationItem, scope: ResourceScope) -> [InventoryResource]? {
        let configuration = configurationWithItemTags(item)
        let resources: [InventoryResource]
        switch item.resourceType {
        case "AWS::EC2::Volume": resources = [EC2VolumeCollector.normalize(configuration, scope: scope)]
        case "AWS::EC2::Instance": resources = [EC2InstanceCollector.normalize(configuration, scope: scope)]
        case "AWS::EC2::SecurityGroup": resources = [EC2SecurityGroupCollector.normalize(configuration, scope: scope)]
        case "AWS::EC2::VPC": resources = [EC2VPCCollector.normalize(configuration, scope: scope)]
        case "AWS::EC2::Subnet": resources = [EC2SubnetCollector.normalize(configuration, scope: scope)]
        case "AWS::RDS::DBInstance": resources = [RDSDBInstanceCollector.normalize(configuration, scope: scope)]
        case "AWS::S3::Bucket": resources = S3BucketNormalizer.resources(bucketSettings(item), scope: scope)
        // Config records neither a key's rotation status and policy nor a trail's logging status
        // (they come from other APIs); they stay absent rather than guessed.
        case "AWS::KMS::Key": resources = [KMSKeyCollector.normalize(configuration, rotationEnabled: nil, policy: nil, tags: item.tags, scope: scope)]
        case "AWS::CloudTrail::Trail": resources = [CloudTrailTrailCollector.normalize(configuration, isLogging: nil, tags: item.tags, scope: scope)]
        case "AWS::DynamoDB::Table":
            resources = [DynamoDBTableCollector.normalize(configuration, continuousBackups: item.supplementary["ContinuousBackupsDescription"], tags: item.tags, scope: scope)]
        case "AWS::Lambda::Function": resources = [LambdaFunctionCollector.normalize(configuration, tags: item.tags, scope: scope)]
        case "AWS::SNS::Topic": resources = [SNSTopicCollector.normalize(withARN(configuration, "TopicArn", item.arn), tags: item.tags, scope: scope)]
        case "AWS::SQS::Queue": resources = [SQSQueueCollector.normalize(withARN(configuration, "QueueArn", item.arn), tags: item.tags, scope: scope)]
        case "AWS::Logs::LogGroup": resources = [LogGroupCollector.normalize(configuration, tags: item.tags, scope: scope)]
        default: return nil
        }
        return resources
    }

    /// `configuration`, with the item's own `tags` standing in when the configuration lists none:
    /// Config always fills the item's tags, not always the configuration's.
    static func configurationWithItemTags(_ item: ConfigurationItem) -> DescribedResource {
        let configuration = item.configuration
        guard !item.tags.isEmpty, ResourceTags.from(configuration, "tags", "tagSet", "TagList").isEmpty, case .map(var entries) = configuration.value else {
            return configuration
        }
        entries.removeAll { $0.key.lowercased() == "tags" }
        entries.append(Value.Entry("tags", .list(item.tags.sorted { $0.key < $1.key }.map { ["key": .string($0.key), "value": .string($0.value)] })))
        return DescribedResource(.map(entries))
    }

    private static func withARN(_ configuration: DescribedResource, _ field: String, _ arn: String?) -> DescribedResource {
        guard configuration.string(field) == nil, let arn, case .map(var entries) = configuration.value else { return configuration }
        entries.append(Value.Entry(field, .string(arn)))
        return DescribedResource(.map(entries))
    }

    /// S3's settings from `supplementaryConfiguration`, whose keys name the bucket sub-resources.
    static func bucketSettings(_ item: ConfigurationItem) -> S3BucketSettings {
        let supplementary = item.supplementary
        var bucket = S3BucketSettings(name: item.configuration.string("name") ?? item.resourceName ?? item.resourceID, region: item.region)
        bucket.encryption = (supplementary["ServerSideEncryptionConfiguration"]?.list("rules") ?? []).map { rule in
            let byDefault = rule.record("applyServerSideEncryptionByDefault")
            return S3BucketSettings.EncryptionRule(
                algorithm: byDefault?.string("sseAlgorithm"), kmsKeyID: byDefault?.string("kmsMasterKeyID"), bucketKeyEnabled: rule.bool("bucketKeyEnabled"))
        }
        if let status = supplementary["BucketVersioningConfiguration"]?.string("status"), status != "Off" { bucket.versioningStatus = status }
        if let block = supplementary["PublicAccessBlockConfiguration"] {
            var flags: [String: Bool] = [:]
            for field in S3BucketNormalizer.publicAccessBlockFields { flags[field] = block.bool(field) }
            bucket.publicAccessBlock = flags
        }
        if let logging = supplementary["BucketLoggingConfiguration"], let destination = logging.string("destinationBucketName") {
            bucket.logging = S3BucketSettings.Logging(destinationBucket: destination, prefix: logging.string("logFilePrefix"))
        }
        bucket.tags = item.tags
        bucket.policy = PolicyDocument.from(supplementary["BucketPolicy"]?.field("policyText"))
        return bucket
    }
}
