import Foundation
import TenetDocument
import TenetHistory
import TenetInventory
import TenetScan

/// Builds the inventories and scan results the lead's scan engine would produce, by hand: an
/// account's S3 buckets and the managed encryption and versioning rules' verdicts on them.
struct SnapshotFixture {
    static let account = "123456789012"
    static let region = "eu-west-1"
    static let encryptionRule = ScannedRule(
        id: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", title: "S3 buckets are encrypted", severity: .high, metadata: nil,
        resourceTypes: ["AWS::S3::Bucket"], appliesToAccount: false, sourcePath: "rules/s3/encryption.guard",
        versionHash: ScannedRule.versionHash(ofText: "rule encryption v1"))
    static let versioningRule = ScannedRule(
        id: "S3_BUCKET_VERSIONING_ENABLED", title: "S3 buckets are versioned", severity: .medium, metadata: nil,
        resourceTypes: ["AWS::S3::Bucket"], appliesToAccount: false, sourcePath: "rules/s3/versioning.guard",
        versionHash: ScannedRule.versionHash(ofText: "rule versioning v1"))

    /// One bucket as the collector would normalize it.
    struct Bucket {
        var name: String
        var encrypted = true
        var versioned = true
        var tags: [String: String] = [:]
        /// Covers the encryption rule's verdict when the bucket is unencrypted.
        var suppression: Suppression?

        var id: ResourceID { ResourceID("arn:aws:s3:::\(name)") }

        var resource: InventoryResource {
            var properties: [Value.Entry] = [Value.Entry("BucketName", .string(name))]
            if encrypted {
                properties.append(Value.Entry("BucketEncryption", [
                    "ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms"]]],
                ]))
            }
            properties.append(Value.Entry("VersioningConfiguration", ["Status": .string(versioned ? "Enabled" : "Suspended")]))
            return InventoryResource(
                type: "AWS::S3::Bucket", id: id, name: name, account: SnapshotFixture.account, region: SnapshotFixture.region, tags: tags,
                properties: Document(value: .map(properties)).root)
        }
    }

    var capturedAt: Date
    var buckets: [Bucket]
    var completeness: SnapshotHeader.Completeness = .complete

    var header: SnapshotHeader {
        SnapshotHeader(
            capturedAt: capturedAt, collector: .aws, source: .aws(account: Self.account, regions: [Self.region], endpoint: nil),
            completeness: completeness)
    }

    var resources: [InventoryResource] { buckets.map(\.resource) }

    var result: ScanResult {
        var evaluations: [Evaluation] = []
        for bucket in buckets {
            let scanned = ScannedResource(id: bucket.id, type: "AWS::S3::Bucket", document: "inventory.jsonl")
            evaluations.append(bucket.encrypted
                ? Evaluation(ruleID: Self.encryptionRule.id, resource: scanned, state: .compliant)
                : Evaluation(ruleID: Self.encryptionRule.id, resource: scanned, state: .nonCompliant, checks: [
                    FailingCheck(propertyPath: JSONPointer(parsing: "/Properties/BucketEncryption"), found: nil, expected: nil,
                                 message: "Buckets must be encrypted at rest", reason: "BucketEncryption does not exist", location: nil),
                ], suppression: bucket.suppression))
            evaluations.append(Evaluation(ruleID: Self.versioningRule.id, resource: scanned, state: bucket.versioned ? .compliant : .nonCompliant))
        }
        return ScanResult(rules: [Self.encryptionRule, Self.versioningRule], documents: ["inventory.jsonl"], evaluations: evaluations, evaluatedAt: capturedAt)
    }

    static func time(_ text: String) -> Date { try! HistoryTime.parse(text) }

    /// Three snapshots: `logs` loses its encryption on 2 March and gets it back on 4 March.
    static var encryptionStory: [SnapshotFixture] {
        let logs = Bucket(name: "logs")
        let assets = Bucket(name: "assets", tags: ["team": "web"])
        var unencrypted = logs
        unencrypted.encrypted = false
        return [
            SnapshotFixture(capturedAt: time("2026-03-01T09:00:00Z"), buckets: [assets, logs]),
            SnapshotFixture(capturedAt: time("2026-03-02T09:00:00Z"), buckets: [assets, unencrypted]),
            SnapshotFixture(capturedAt: time("2026-03-04T09:00:00Z"), buckets: [assets, logs]),
        ]
    }

    @discardableResult
    func record(into store: any HistoryStore, signingKey: HistorySigningKey? = nil) throws -> HistoryRecorder.Report {
        try HistoryRecorder(store: store, signingKey: signingKey).record(header: header, resources: resources, result: result)
    }
}
