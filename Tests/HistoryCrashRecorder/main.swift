import Foundation
import TenetDocument
import TenetHistory
import TenetInventory
import TenetScan

// `history-crash-recorder STORE RESOURCES`: records the next generated snapshot into STORE and
// prints `recorded SEQUENCE MILLISECONDS` once the recording has committed.
//
// The crash-safety test kills this process with SIGKILL at random moments; a snapshot counts as
// recorded only if this line was printed, and every such snapshot must survive.

let arguments = CommandLine.arguments
guard arguments.count == 3, let resourceCount = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: history-crash-recorder STORE RESOURCES\n".utf8))
    exit(2)
}
do {
    let store = try SQLiteHistoryStore(path: arguments[1])
    let source = HistorySource(rawValue: "aws:123456789012:eu-west-1")
    let latest = try store.blocks(of: source).last
    let round = (latest?.sequence ?? 0) + 1
    let capturedAt = HistoryTime.date(milliseconds: (latest.map { HistoryTime.milliseconds($0.capturedAt) } ?? 1_767_225_600_000) + 3_600_000)
    let rule = ScannedRule(id: "S3_BUCKET_VERSIONING_ENABLED", title: "Versioning", severity: .medium, metadata: nil, resourceTypes: ["AWS::S3::Bucket"],
                           appliesToAccount: false, sourcePath: "rules/versioning.guard", versionHash: ScannedRule.versionHash(ofText: "v1"))
    var resources: [InventoryResource] = []
    var evaluations: [Evaluation] = []
    for index in 0..<resourceCount {
        // A tenth of the resources change every round.
        let revision = (round + index) / 10
        let id = ResourceID("arn:aws:s3:::bucket-\(index)")
        let versioned = revision % 2 == 0
        resources.append(InventoryResource(type: "AWS::S3::Bucket", id: id, properties: Document(value: [
            "BucketName": .string("bucket-\(index)"), "VersioningConfiguration": ["Status": versioned ? "Enabled" : "Suspended"],
            "Revision": .int(Int64(revision)),
        ]).root))
        evaluations.append(Evaluation(ruleID: rule.id, resource: ScannedResource(id: id, type: "AWS::S3::Bucket", document: "inventory"),
                                      state: versioned ? .compliant : .nonCompliant))
    }
    let header = SnapshotHeader(capturedAt: capturedAt, collector: .aws, source: .aws(account: "123456789012", regions: ["eu-west-1"], endpoint: nil),
                                completeness: .complete)
    let report = try HistoryRecorder(store: store).record(
        header: header, resources: resources, result: ScanResult(rules: [rule], documents: ["inventory"], evaluations: evaluations, evaluatedAt: capturedAt))
    print("recorded \(report.block.sequence) \(HistoryTime.milliseconds(report.block.capturedAt))")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}
