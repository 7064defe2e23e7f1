import Foundation
import TenetDocument
import TenetHistory
import TenetInventory
import TenetScan
import Testing

/// What every store must do, run against each real store. The PostgreSQL cases are a test of
/// their own so that, without a server, they are reported skipped rather than left out.
@Suite struct HistoryStoreContractTests {
    typealias Fixture = SnapshotFixture
    let logs = ResourceID("arn:aws:s3:::logs")

    @Test(arguments: [StoreKind.sqliteMemory, .sqliteFile], Contract.allCases)
    func sqlite(kind: StoreKind, contract: Contract) throws {
        try check(contract, on: kind)
    }

    @Test(.enabled(if: PostgreSQLTestServer.address != nil, PostgreSQLTestServer.absence), arguments: Contract.allCases)
    func postgreSQL(contract: Contract) throws {
        try check(contract, on: .postgreSQL)
    }

    enum Contract: String, CaseIterable, Sendable {
        case timelineShowsBothConfigurationChangesAndBothTransitions
        case changesCarryOldAndNewValuesAndTransitionsTheirChecks
        case complianceAtATimeIsDerivedFromTransitions
        case ruleHistoryCountsNonCompliantResourcesPerSnapshot
        case olderSnapshotIsRefusedAndNothingIsWritten
        case completeSnapshotDeletesMissingResourcesAndPartialKeepsFailedTypes
        case unchangedSnapshotWritesOnlyItsSummary
        case chainVerifiesAndLinksEveryBlock
        case pruneKeepsCurrentStateAndTheChainStillVerifies
        case resourcesAreNamedByIdOrUnambiguousSuffix
        case diffComparesTheConfigurationsInForce
    }

    private func check(_ contract: Contract, on kind: StoreKind) throws {
        switch contract {
        case .timelineShowsBothConfigurationChangesAndBothTransitions: try timelineShowsBothConfigurationChangesAndBothTransitions(kind: kind)
        case .changesCarryOldAndNewValuesAndTransitionsTheirChecks: try changesCarryOldAndNewValuesAndTransitionsTheirChecks(kind: kind)
        case .complianceAtATimeIsDerivedFromTransitions: try complianceAtATimeIsDerivedFromTransitions(kind: kind)
        case .ruleHistoryCountsNonCompliantResourcesPerSnapshot: try ruleHistoryCountsNonCompliantResourcesPerSnapshot(kind: kind)
        case .olderSnapshotIsRefusedAndNothingIsWritten: try olderSnapshotIsRefusedAndNothingIsWritten(kind: kind)
        case .completeSnapshotDeletesMissingResourcesAndPartialKeepsFailedTypes: try completeSnapshotDeletesMissingResourcesAndPartialKeepsFailedTypes(kind: kind)
        case .unchangedSnapshotWritesOnlyItsSummary: try unchangedSnapshotWritesOnlyItsSummary(kind: kind)
        case .chainVerifiesAndLinksEveryBlock: try chainVerifiesAndLinksEveryBlock(kind: kind)
        case .pruneKeepsCurrentStateAndTheChainStillVerifies: try pruneKeepsCurrentStateAndTheChainStillVerifies(kind: kind)
        case .resourcesAreNamedByIdOrUnambiguousSuffix: try resourcesAreNamedByIdOrUnambiguousSuffix(kind: kind)
        case .diffComparesTheConfigurationsInForce: try diffComparesTheConfigurationsInForce(kind: kind)
        }
    }

    private func timelineShowsBothConfigurationChangesAndBothTransitions(kind: StoreKind) throws {
        let store = try kind.make()
        for snapshot in Fixture.encryptionStory { try snapshot.record(into: store) }
        let timeline = try HistoryQueries(store: store).timeline(of: logs)

        var versions: [(ConfigurationVersion.Status, [String])] = []
        var transitions: [(String, ComplianceState?, ComplianceState?)] = []
        for entry in timeline {
            switch entry.event {
            case .version(let version, let changes): versions.append((version.status, changes.map(\.path)))
            case .transition(let transition): transitions.append((transition.ruleID, transition.oldState, transition.newState))
            case .baseline: Issue.record("no pruning happened")
            }
        }
        #expect(versions.map(\.0) == [.created, .updated, .updated])
        #expect(versions.map(\.1) == [[], ["/Properties/BucketEncryption"], ["/Properties/BucketEncryption"]])
        let encryption: [[ComplianceState?]] = transitions.filter { $0.0 == Fixture.encryptionRule.id }.map { [$0.1, $0.2] }
        let expected: [[ComplianceState?]] = [[nil, .compliant], [.compliant, .nonCompliant], [.nonCompliant, .compliant]]
        #expect(encryption == expected)
        #expect(transitions.filter { $0.0 == Fixture.versioningRule.id }.map(\.2) == [.compliant])
        #expect(timeline.map(\.time) == timeline.map(\.time).sorted())
    }

    private func changesCarryOldAndNewValuesAndTransitionsTheirChecks(kind: StoreKind) throws {
        let store = try kind.make()
        for snapshot in Fixture.encryptionStory { try snapshot.record(into: store) }
        let history = try store.history(of: logs)
        let lost = try #require(history.changes.first)
        #expect(lost.row.oldValue == #"{"ServerSideEncryptionConfiguration":[{"ServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}"#)
        #expect(lost.row.newValue == nil)
        #expect(history.changes.last?.row.oldValue == nil)
        let broken = try #require(history.transitions.first { $0.row.newState == .nonCompliant })
        #expect(broken.row.checks.contains(#""path":"/Properties/BucketEncryption""#))
        #expect(broken.row.checks.contains("BucketEncryption does not exist"))
        #expect(broken.row.ruleVersionHash == Fixture.encryptionRule.versionHash)
        #expect(broken.capturedAt == Fixture.time("2026-03-02T09:00:00Z"))
    }

    private func complianceAtATimeIsDerivedFromTransitions(kind: StoreKind) throws {
        let store = try kind.make()
        for snapshot in Fixture.encryptionStory { try snapshot.record(into: store) }
        let queries = HistoryQueries(store: store)
        func state(at time: String) throws -> ComplianceState? {
            try queries.compliance(at: Fixture.time(time), rules: [Fixture.encryptionRule.id]).first { $0.row.key.resourceID == logs }?.row.state
        }
        #expect(try state(at: "2026-02-28T00:00:00Z") == nil)
        #expect(try state(at: "2026-03-01T12:00:00Z") == .compliant)
        #expect(try state(at: "2026-03-03T00:00:00Z") == .nonCompliant)
        #expect(try state(at: "2026-03-05T00:00:00Z") == .compliant)
        #expect(try queries.compliance(at: Fixture.time("2026-03-03T00:00:00Z")).count == 4)
    }

    private func ruleHistoryCountsNonCompliantResourcesPerSnapshot(kind: StoreKind) throws {
        let store = try kind.make()
        for snapshot in Fixture.encryptionStory { try snapshot.record(into: store) }
        let points = try HistoryQueries(store: store).ruleHistory(of: Fixture.encryptionRule.id)
        #expect(points.map(\.nonCompliant) == [Int]([0, 1, 0]))
        #expect(points.map { $0.counts[.compliant] ?? 0 } == [Int]([2, 1, 2]))
    }

    private func olderSnapshotIsRefusedAndNothingIsWritten(kind: StoreKind) throws {
        let store = try kind.make()
        let story = Fixture.encryptionStory
        try story[1].record(into: store)
        for stale in [story[0], story[1]] {
            #expect(throws: HistoryError.self) { try stale.record(into: store) }
            do { try stale.record(into: store) } catch let error as HistoryError { #expect(error.kind == .outOfOrder) }
        }
        #expect(try store.blocks(of: HistorySource(header: story[0].header)).count == 1)
        #expect(try ChainVerifier(store: store).verify().verified)
    }

    private func completeSnapshotDeletesMissingResourcesAndPartialKeepsFailedTypes(kind: StoreKind) throws {
        let store = try kind.make()
        let assets = Fixture.Bucket(name: "assets")
        try Fixture(capturedAt: Fixture.time("2026-03-01T00:00:00Z"), buckets: [assets, Fixture.Bucket(name: "logs")]).record(into: store)
        var partial = Fixture(capturedAt: Fixture.time("2026-03-02T00:00:00Z"), buckets: [])
        partial.completeness = .partial(failedTypes: ["AWS::S3::Bucket": "AccessDenied"])
        try partial.record(into: store)
        let source = HistorySource(header: partial.header)
        #expect(try store.currentResources(of: source).count == 2)
        #expect(try store.currentCompliance(of: source).map(\.since) == [1, 1, 1, 1])

        let report = try Fixture(capturedAt: Fixture.time("2026-03-03T00:00:00Z"), buckets: [assets]).record(into: store)
        #expect(report.deleted == 1)
        #expect(try store.currentResources(of: source).map(\.resourceID) == [assets.id])
        let removed = try store.history(of: logs).transitions.filter { $0.row.newState == nil }
        #expect(removed.count == 2)
        #expect(try HistoryQueries(store: store).compliance(at: Fixture.time("2026-03-04T00:00:00Z")).count == 2)
        // Pairs removed after a time are in force at it, as their last transition before it left them.
        let beforeRemoval = try HistoryQueries(store: store).compliance(at: Fixture.time("2026-03-02T12:00:00Z"))
        #expect(beforeRemoval.map(\.row.key.resourceID) == [assets.id, assets.id, logs, logs])
        #expect(beforeRemoval.map(\.sequence) == [1, 1, 1, 1])
        #expect(try ChainVerifier(store: store).verify().verified)
    }

    private func unchangedSnapshotWritesOnlyItsSummary(kind: StoreKind) throws {
        let store = try kind.make()
        let buckets = [Fixture.Bucket(name: "logs")]
        try Fixture(capturedAt: Fixture.time("2026-03-01T00:00:00Z"), buckets: buckets).record(into: store)
        let report = try Fixture(capturedAt: Fixture.time("2026-03-02T00:00:00Z"), buckets: buckets).record(into: store)
        #expect([report.created, report.updated, report.deleted, report.changes, report.transitions] == [Int](repeating: 0, count: 5))
        #expect(report.rows == 2)
        #expect(report.block.sequence == 2)
    }

    private func chainVerifiesAndLinksEveryBlock(kind: StoreKind) throws {
        let store = try kind.make()
        let key = HistorySigningKey()
        for snapshot in Fixture.encryptionStory { try snapshot.record(into: store, signingKey: key) }
        let blocks = try store.blocks(of: HistorySource(header: Fixture.encryptionStory[0].header))
        #expect(blocks.map(\.sequence) == [1, 2, 3])
        #expect(blocks[0].previousDigest == BlockDigest.genesis)
        #expect(blocks[1].previousDigest == blocks[0].digest && blocks[2].previousDigest == blocks[1].digest)
        let report = try ChainVerifier(store: store, publicKey: key.publicKey).verify(heads: [blocks[2].digest, blocks[1].digest])
        #expect(report.verified)
        #expect(report.sources.map(\.head) == [blocks[2].digest])
        #expect(try !ChainVerifier(store: store, publicKey: HistorySigningKey().publicKey).verify().verified)
        #expect(try ChainVerifier(store: store).verify(heads: [String(repeating: "a", count: 64)]).missingHeads.count == 1)
    }

    private func pruneKeepsCurrentStateAndTheChainStillVerifies(kind: StoreKind) throws {
        let store = try kind.make()
        let key = HistorySigningKey()
        let story = Fixture.encryptionStory
        let unchanged = Fixture(capturedAt: Fixture.time("2026-03-05T09:00:00Z"), buckets: story[2].buckets)
        for snapshot in story + [unchanged] { try snapshot.record(into: store, signingKey: key) }
        let queries = HistoryQueries(store: store)
        let before = try queries.compliance(at: Fixture.time("2026-03-06T00:00:00Z")).map(\.row)

        let reports = try HistoryPruner(store: store, signingKey: key).prune(before: Fixture.time("2026-03-04T12:00:00Z"))
        #expect(reports.map(\.removedBlocks) == [3])
        let source = HistorySource(header: story[0].header)
        #expect(try store.blocks(of: source).map(\.sequence) == [4, 5])
        #expect(try ChainVerifier(store: store, publicKey: key.publicKey).verify().verified)
        #expect(try queries.compliance(at: Fixture.time("2026-03-06T00:00:00Z")).map(\.row) == before)
        #expect(try store.currentResources(of: source).count == 2)
        let configuration = try queries.configuration(of: logs, at: Fixture.time("2026-03-06T00:00:00Z"))
        #expect(configuration?["Properties"]?["BucketEncryption"] != nil)
        guard case .baseline(let kept, let compliance)? = try queries.timeline(of: logs).first?.event else {
            Issue.record("the timeline of a pruned resource starts with the checkpoint's baseline")
            return
        }
        #expect(kept?.resourceID == logs && compliance.count == 2)

        let later = Fixture(capturedAt: Fixture.time("2026-03-07T09:00:00Z"), buckets: [Fixture.Bucket(name: "logs", encrypted: false)])
        try later.record(into: store, signingKey: key)
        #expect(try ChainVerifier(store: store, publicKey: key.publicKey).verify().verified)
        // Before the later snapshot, a pair it changed is as the checkpoint's baseline kept it.
        let asOfBaseline = try queries.compliance(at: Fixture.time("2026-03-06T00:00:00Z"))
        #expect(asOfBaseline.map(\.row) == before)
        #expect(asOfBaseline.allSatisfy { $0.capturedAt == Fixture.time("2026-03-04T09:00:00Z") })
        #expect(try HistoryPruner(store: store, signingKey: key).prune(before: Fixture.time("2026-03-06T00:00:00Z")).map(\.removedBlocks) == [1])
        #expect(try ChainVerifier(store: store, publicKey: key.publicKey).verify().verified)
        #expect(try queries.compliance(at: Fixture.time("2026-03-08T00:00:00Z"), rules: [Fixture.encryptionRule.id]).map(\.row.state) == [.nonCompliant])
    }

    private func resourcesAreNamedByIdOrUnambiguousSuffix(kind: StoreKind) throws {
        let store = try kind.make()
        try Fixture(capturedAt: Fixture.time("2026-03-01T00:00:00Z"), buckets: [Fixture.Bucket(name: "logs"), Fixture.Bucket(name: "app-logs")])
            .record(into: store)
        let queries = HistoryQueries(store: store)
        #expect(try queries.resolve("logs") == logs)
        #expect(try queries.resolve("arn:aws:s3:::app-logs") == ResourceID("arn:aws:s3:::app-logs"))
        #expect(throws: HistoryError.self) { try queries.resolve("ogs") }
        let two = Fixture(capturedAt: Fixture.time("2026-03-01T00:00:00Z"), buckets: [Fixture.Bucket(name: "logs")])
        try HistoryRecorder(store: store).record(header: two.header, resources: two.resources, result: two.result, source: HistorySource(rawValue: "other"))
        #expect(try queries.resolve("logs") == logs)
    }

    private func diffComparesTheConfigurationsInForce(kind: StoreKind) throws {
        let store = try kind.make()
        for snapshot in Fixture.encryptionStory { try snapshot.record(into: store) }
        let queries = HistoryQueries(store: store)
        let lost = try queries.diff(of: logs, from: Fixture.time("2026-03-01T12:00:00Z"), to: Fixture.time("2026-03-03T00:00:00Z"))
        #expect(lost.map(\.path) == ["/Properties/BucketEncryption"])
        #expect(try queries.diff(of: logs, from: Fixture.time("2026-03-01T12:00:00Z"), to: Fixture.time("2026-03-05T00:00:00Z")).isEmpty)
    }
}
