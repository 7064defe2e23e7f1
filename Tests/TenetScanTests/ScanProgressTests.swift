import Foundation
import TenetScan
import TenetTemplates
import Testing

/// What the engine tells a progress observer while it evaluates fixture templates in parallel.
@Suite struct ScanProgressTests {
    /// Snapshots as the engine's workers report them.
    final class Snapshots: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [ScanProgress.Snapshot] = []

        func append(_ snapshot: ScanProgress.Snapshot) {
            lock.withLock { values.append(snapshot) }
        }

        var all: [ScanProgress.Snapshot] {
            lock.withLock { values }
        }
    }

    /// Every evaluation is reported once, in order, and the last snapshot has every template
    /// done; the account document `check` assembles adds evaluations but is not a template.
    @Test func everyEvaluationIsReportedAndEveryTemplateEnds() throws {
        let rules = try ScanEngineTests.managedRules([
            "encryption/S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED.guard", "encryption/ENCRYPTED_VOLUMES.guard",
            "logging-and-monitoring/CLOUD_TRAIL_ENABLED.guard",
        ])
        let set = try TemplateSet.collect(
            ["templates/app.yaml", "templates/site.yaml"], discovery: TemplateFileDiscovery(workingDirectory: fixturesDirectory.path))
        let snapshots = Snapshots()
        let result = try ScanEngine(ruleSet: rules).scan(
            templates: set.templates, evaluatedAt: testClock, progress: ScanProgress { snapshots.append($0) })

        let reported = snapshots.all
        let first = try #require(reported.first)
        let last = try #require(reported.last)
        #expect(first == ScanProgress.Snapshot(documentsDone: 0, documents: 2, evaluationsDone: 0, evaluations: 4))
        #expect(last == ScanProgress.Snapshot(documentsDone: 2, documents: 2, evaluationsDone: 4, evaluations: 4))
        #expect(reported.count == 5)
        #expect(zip(reported, reported.dropFirst()).allSatisfy { $0.evaluationsDone + 1 == $1.evaluationsDone && $0.documentsDone <= $1.documentsDone })
        #expect(result.evaluations.contains { $0.ruleID == "CLOUD_TRAIL_ENABLED" })
    }

    @Test func aDocumentNoRuleAppliesToIsDoneFromTheStart() throws {
        let rules = try ScanEngineTests.managedRules(["encryption/ENCRYPTED_VOLUMES.guard"])
        let set = try TemplateSet.collect(
            ["templates/app.yaml", "templates/site.yaml"], discovery: TemplateFileDiscovery(workingDirectory: fixturesDirectory.path))
        let snapshots = Snapshots()
        _ = ScanEngine(ruleSet: rules).scan(set.templates.map(ScanDocument.init(template:)), progress: ScanProgress { snapshots.append($0) })
        #expect(snapshots.all == [
            ScanProgress.Snapshot(documentsDone: 1, documents: 2, evaluationsDone: 0, evaluations: 1),
            ScanProgress.Snapshot(documentsDone: 2, documents: 2, evaluationsDone: 1, evaluations: 1),
        ])
    }
}
