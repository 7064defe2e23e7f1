import Foundation
import TenetDocument
import TenetHistory
import TenetInventory
import TenetScan

/// `tenet-benchmark history [SNAPSHOTS] [RESOURCES] [RULES] [--store postgres://…]`: records a
/// generated inventory (default 100 snapshots of 10,000 resources evaluated by 100 rules, 1% of
/// resources changing between snapshots) into a new SQLite file, or a new database on the
/// PostgreSQL server named, then times a `timeline` and a `compliance --at` query, the latter with
/// the text the command prints.
///
/// Targets: first recording ≥ 200,000 rows/s; a later recording < 1 s; timeline < 10 ms;
/// compliance --at < 1 s.
enum HistoryBenchmark {
    static let description = "history store: record 100 snapshots of 10,000 resources × 100 rules, then query"

    static func run(_ arguments: [String]) throws {
        var arguments = arguments
        var server: String?
        if let option = arguments.firstIndex(of: "--store"), option + 1 < arguments.count {
            server = arguments[option + 1]
            arguments.removeSubrange(option...(option + 1))
        }
        let snapshots = arguments.first.flatMap { Int($0) } ?? 100
        let resourceCount = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
        let ruleCount = arguments.count > 2 ? Int(arguments[2]) ?? 100 : 100

        let opened = try HistoryBenchmarkStore.open(server: server)
        defer { opened.remove() }
        let store = opened.store
        let recorder = HistoryRecorder(store: store)
        let rules = (0..<ruleCount).map { index in
            ScannedRule(id: "RULE_\(index)", title: "Rule \(index)", severity: .medium, metadata: nil, resourceTypes: ["AWS::S3::Bucket"],
                        appliesToAccount: false, sourcePath: "rules/rule\(index).guard", versionHash: ScannedRule.versionHash(ofText: "\(index)"))
        }
        var revisions = [Int](repeating: 0, count: resourceCount)
        let start = try HistoryTime.parse("2026-01-01T00:00:00Z")
        print("history (\(store.location)): \(snapshots) snapshots of \(resourceCount) resources × \(ruleCount) rules, 1% changing between snapshots")

        var later: [Timing] = []
        for snapshot in 0..<snapshots {
            if snapshot > 0 {
                for index in stride(from: snapshot % 100, to: resourceCount, by: 100) { revisions[index] += 1 }
            }
            let (resources, result) = generate(revisions: revisions, rules: rules)
            let header = SnapshotHeader(
                capturedAt: start.addingTimeInterval(Double(snapshot) * 3600), collector: .aws,
                source: .aws(account: "123456789012", regions: ["eu-west-1"], endpoint: nil), completeness: .complete)
            var report: HistoryRecorder.Report?
            let time = try measure { report = try recorder.record(header: header, resources: resources, result: result) }
            if snapshot == 0, let rows = report?.rows {
                print("first recording: \(time), \(rows) rows, \(Int(Double(rows) / time.wall)) rows/s (target ≥ 200,000)")
            } else {
                later.append(time)
            }
        }
        if !later.isEmpty {
            let sorted = later.sorted { $0.wall < $1.wall }
            print("later recordings: median \(sorted[sorted.count / 2]), worst \(sorted.last!) (target < 1 s)")
        }
        print("database size: \(try opened.size() / 1_048_576) MB")

        let queries = HistoryQueries(store: store)
        let timeline = try best(5) { _ = try queries.timeline(of: try queries.resolve("bucket-42")) }
        print("timeline query: \(format(timeline.wall * 1000)) ms (CPU \(format(timeline.cpu * 1000)) ms) (target < 10 ms)")
        let middle = start.addingTimeInterval(Double(snapshots / 2) * 3600 + 60)
        let compliance = try best(3) {
            var written = 0
            var listing = ComplianceListing { written += $0.count }
            try queries.compliance(at: middle) { listing.append($0) }
            listing.finish(at: middle)
            precondition(written > 0, "the listing wrote nothing")
        }
        print("compliance --at query with its text listing: \(compliance) (target < 1 s)")
    }

    /// A snapshot: resources whose configuration carries their revision, every rule's verdict on
    /// each. The export benchmark records the same store.
    static func generate(revisions: [Int], rules: [ScannedRule]) -> ([InventoryResource], ScanResult) {
        var resources: [InventoryResource] = []
        var evaluations: [Evaluation] = []
        resources.reserveCapacity(revisions.count)
        evaluations.reserveCapacity(revisions.count * rules.count)
        for (index, revision) in revisions.enumerated() {
            let id = ResourceID("arn:aws:s3:::bucket-\(index)")
            let properties: Value = [
                "BucketName": .string("bucket-\(index)"),
                "VersioningConfiguration": ["Status": revision % 2 == 0 ? "Enabled" : "Suspended"],
                "Revision": .int(Int64(revision)),
            ]
            resources.append(InventoryResource(type: "AWS::S3::Bucket", id: id, properties: Document(value: properties).root))
            let scanned = ScannedResource(id: id, type: "AWS::S3::Bucket", document: "inventory.jsonl")
            for (ruleIndex, rule) in rules.enumerated() {
                let failing = (index + ruleIndex + revision) % 7 == 0
                evaluations.append(Evaluation(
                    ruleID: rule.id, resource: scanned, state: failing ? .nonCompliant : .compliant,
                    checks: failing ? [FailingCheck(propertyPath: JSONPointer(parsing: "/Properties/VersioningConfiguration"), found: nil,
                                                    expected: nil, message: nil, reason: "VersioningConfiguration.Status is not Enabled", location: nil)] : []))
            }
        }
        return (resources, ScanResult(rules: rules, documents: ["inventory.jsonl"], evaluations: evaluations, evaluatedAt: Date()))
    }

    /// Wall-clock and CPU (user + system) seconds: on a shared machine the CPU time says what the
    /// code costs when the wall-clock time also counts waiting for other processes.
    private struct Timing: CustomStringConvertible {
        var wall: Double
        var cpu: Double

        var description: String { "\(HistoryBenchmark.format(wall)) s (CPU \(HistoryBenchmark.format(cpu)) s)" }
    }

    private static func measure(_ body: () throws -> Void) throws -> Timing {
        let cpu = cpuSeconds()
        let began = Date()
        try body()
        return Timing(wall: Date().timeIntervalSince(began), cpu: cpuSeconds() - cpu)
    }

    /// The fastest of `runs` runs, by wall-clock time.
    private static func best(_ runs: Int, _ body: () throws -> Void) throws -> Timing {
        var fastest = Timing(wall: .infinity, cpu: .infinity)
        for _ in 0..<runs {
            let time = try measure(body)
            if time.wall < fastest.wall { fastest = time }
        }
        return fastest
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func format(_ number: Double) -> String { String(format: "%.3f", number) }
}
