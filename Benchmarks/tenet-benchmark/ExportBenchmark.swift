import Foundation
import TenetEvidence
import TenetHistory
import TenetInventory
import TenetRules
import TenetScan

/// `tenet-benchmark export [SNAPSHOTS] [RESOURCES] [RULES]`: records the history benchmark's
/// store (default 100 snapshots of 10,000 resources × 100 rules, 1% changing), then times
/// `tenet export` over the whole period and over its last tenth, and `export verify` of the
/// larger bundle. No target is set; the figures show what an auditor's export costs.
enum ExportBenchmark {
    static let description = "evidence export: bundle and verify over the history benchmark's store"

    static func run(_ arguments: [String]) throws {
        let snapshots = arguments.first.flatMap { Int($0) } ?? 100
        let resourceCount = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
        let ruleCount = arguments.count > 2 ? Int(arguments[2]) ?? 100 : 100

        let directory = FileManager.default.temporaryDirectory.appending(path: "tenet-export-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteHistoryStore(path: directory.appending(path: "history.db").path)
        print("export: \(snapshots) snapshots of \(resourceCount) resources × \(ruleCount) rules, 1% changing between snapshots")
        let rules = (0..<ruleCount).map { index in
            ScannedRule(id: "RULE_\(index)", title: "Rule \(index)", severity: .medium, metadata: nil, resourceTypes: ["AWS::S3::Bucket"],
                        appliesToAccount: false, sourcePath: "rules/rule\(index).guard", versionHash: ScannedRule.versionHash(ofText: "\(index)"))
        }
        let start = try HistoryTime.parse("2026-01-01T00:00:00Z")
        var revisions = [Int](repeating: 0, count: resourceCount)
        let recordingBegan = Date()
        for snapshot in 0..<snapshots {
            for index in stride(from: snapshot % 100, to: snapshot == 0 ? 0 : resourceCount, by: 100) { revisions[index] += 1 }
            let (resources, result) = HistoryBenchmark.generate(revisions: revisions, rules: rules)
            let header = SnapshotHeader(capturedAt: start.addingTimeInterval(Double(snapshot) * 3600), collector: .aws,
                                        source: .aws(account: "123456789012", regions: ["eu-west-1"], endpoint: nil), completeness: .complete)
            try HistoryRecorder(store: store).record(header: header, resources: resources, result: result)
        }
        print("recorded in \(format(Date().timeIntervalSince(recordingBegan))) s")

        let end = start.addingTimeInterval(Double(snapshots - 1) * 3600)
        let library = ManagedRuleLibrary.bundled
        let exporter = EvidenceExporter(store: store, library: library, signingKey: HistorySigningKey())
        for (name, from) in [("whole period", start), ("last tenth", end.addingTimeInterval(-Double(snapshots / 10) * 3600))] {
            let bundle = directory.appending(path: name.replacingOccurrences(of: " ", with: "-")).path
            let began = Date()
            let report = try exporter.export(EvidenceRequest(from: from, to: end, toolVersion: "benchmark", createdAt: end), to: bundle)
            let seconds = Date().timeIntervalSince(began)
            let bytes = report.manifest.files.reduce(0) { $0 + $1.bytes }
            let rows = report.rows.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("export, \(name): \(format(seconds)) s, \(bytes / 1_048_576) MB (\(rows))")
        }
        let bundle = directory.appending(path: "whole-period").path
        let began = Date()
        let verification = try EvidenceBundleVerifier(directory: bundle).verify()
        print("export verify, whole period: \(format(Date().timeIntervalSince(began))) s, \(verification.verified ? "verified" : "TAMPERED")")
    }

    private static func format(_ number: Double) -> String { String(format: "%.3f", number) }
}
