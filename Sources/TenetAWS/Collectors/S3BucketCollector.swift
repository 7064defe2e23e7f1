import TenetDocument
import TenetInventory
import TenetXML

/// S3 buckets with their encryption, versioning, public access block, logging, tags and policy.
///
/// `ListBuckets` is global, so this runs once and keeps the buckets whose location is one of the
/// regions being collected; each bucket's sub-resources are then read in the bucket's own region.
struct S3BucketCollector: ResourceCollector {
    let service = AWSService.s3
    let types: [ResourceType] = [S3BucketNormalizer.bucketType, S3BucketNormalizer.policyType]
    let isGlobal = true

    /// The "not configured" answers of the sub-resources: absence, not failure.
    static let notConfiguredCodes: Set<String> = [
        "ServerSideEncryptionConfigurationNotFoundError", "NoSuchPublicAccessBlockConfiguration", "NoSuchTagSet",
        "NoSuchBucketPolicy",
    ]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        var resources: [InventoryResource] = []
        for name in try await bucketNames(context) {
            let location = try await Self.subresource(context.client, bucket: name, "location")
            let region = S3BucketNormalizer.region(fromLocationConstraint: location?.text)
            guard context.regions.contains(region) else { continue }
            var client = context.client
            client.region = region
            resources += S3BucketNormalizer.resources(try await Self.settings(client, bucket: name, region: region), scope: context.scope)
        }
        return resources
    }

    private func bucketNames(_ context: CollectionContext) async throws(AWSError) -> [String] {
        var names: [String] = []
        var token: String?
        repeat {
            // No `max-buckets`: moto cuts the list at it without returning a continuation token,
            // which would lose buckets silently; AWS pages with a token only when it is asked to.
            let query: [(name: String, value: String)] = token.map { [("continuation-token", $0)] } ?? []
            let root = try AWSClient.xml(try await context.client.rest(.s3, path: "/", query: query), service: .s3)
            names += root.child("Buckets")?.children("Bucket").compactMap { $0.text(at: "Name") } ?? []
            token = try AWSClient.nextToken(root.text(at: "ContinuationToken"), after: token, service: .s3, operation: "ListBuckets")
        } while token != nil
        return names
    }

    static func settings(_ client: AWSClient, bucket name: String, region: String) async throws(AWSError) -> S3BucketSettings {
        var bucket = S3BucketSettings(name: name, region: region)
        if let encryption = try await subresource(client, bucket: name, "encryption") {
            bucket.encryption = encryption.children("Rule").map { rule in
                let byDefault = rule.child("ApplyServerSideEncryptionByDefault")
                return S3BucketSettings.EncryptionRule(
                    algorithm: byDefault?.text(at: "SSEAlgorithm"), kmsKeyID: byDefault?.text(at: "KMSMasterKeyID"),
                    bucketKeyEnabled: rule.text(at: "BucketKeyEnabled").map { $0 == "true" })
            }
        }
        bucket.versioningStatus = try await subresource(client, bucket: name, "versioning")?.text(at: "Status")
        if let block = try await subresource(client, bucket: name, "publicAccessBlock") {
            var flags: [String: Bool] = [:]
            for field in S3BucketNormalizer.publicAccessBlockFields {
                if let text = block.text(at: field) { flags[field] = text == "true" }
            }
            bucket.publicAccessBlock = flags
        }
        if let enabled = try await subresource(client, bucket: name, "logging")?.child("LoggingEnabled") {
            bucket.logging = S3BucketSettings.Logging(destinationBucket: enabled.text(at: "TargetBucket"), prefix: enabled.text(at: "TargetPrefix"))
        }
        if let tagging = try await subresource(client, bucket: name, "tagging") {
            for tag in tagging.child("TagSet")?.children("Tag") ?? [] {
                if let key = tag.text(at: "Key") { bucket.tags[key] = tag.text(at: "Value") ?? "" }
            }
        }
        if let policy = try await response(client, bucket: name, "policy") {
            bucket.policy = PolicyDocument.parse(String(decoding: policy.body, as: UTF8.self))
        }
        return bucket
    }

    /// `GET /<bucket>?<subresource>` as XML; nil when the bucket has none configured.
    private static func subresource(_ client: AWSClient, bucket: String, _ name: String) async throws(AWSError) -> XMLElement? {
        guard let answer = try await response(client, bucket: bucket, name) else { return nil }
        return try AWSClient.xml(answer, service: .s3)
    }

    private static func response(_ client: AWSClient, bucket: String, _ name: String) async throws(AWSError) -> AWSResponse? {
        do {
            return try await client.rest(.s3, path: "/\(bucket)", query: [(name, "")])
        } catch .service(let error) where notConfiguredCodes.contains(error.code) {
            return nil
        }
    }
}
