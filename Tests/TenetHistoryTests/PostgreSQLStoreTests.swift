import Foundation
import TenetHistory
import TenetHistoryPostgreSQL
import TenetTestServers
import Testing

/// Bad input and failures of the PostgreSQL store: each a clear error, nothing half-written.
@Suite struct PostgreSQLStoreTests {
    static var serverAvailable: Bool { PostgreSQLTestServer.address != nil }

    private func newStore() throws -> (PostgreSQLHistoryStore, PostgreSQLAddress) {
        let address = try PostgreSQLTestServer.newDatabase(on: try #require(PostgreSQLTestServer.address))
        return (try PostgreSQLHistoryStore(address: address), address)
    }

    /// A recording of a large snapshot loses its server half-way through its inserts; after a
    /// restart the chain verifies, the block is absent, and recording it again works.
    @Test(.enabled(if: serverAvailable, PostgreSQLTestServer.absence))
    func serverGoneMidRecordingLeavesNothingHalfWritten() throws {
        let cluster = try PostgreSQLCluster()
        let story = SnapshotFixture.encryptionStory
        try story[0].record(into: try PostgreSQLHistoryStore(address: cluster.address))
        let large = SnapshotFixture(
            capturedAt: SnapshotFixture.time("2026-03-02T09:00:00Z"), buckets: (0..<12_000).map { SnapshotFixture.Bucket(name: "bulk-\($0)") })

        let recording = BackgroundRecording(large, into: try PostgreSQLHistoryStore(address: cluster.address))
        let observer = try PostgreSQLConnection(address: cluster.address)
        var inserting = false
        for _ in 0..<3_000 where !inserting && !recording.isFinished {
            inserting = try observer.query(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'INSERT INTO transitions%'") { $0.integer(0) }.first == 1
            if !inserting { usleep(10_000) }
        }
        #expect(inserting, "the recording was seen inserting its transitions")
        try cluster.crash()

        let outcome = recording.wait()
        guard case .failure(let error as HistoryError) = outcome else {
            Issue.record("the recording did not fail with a HistoryError: \(outcome)")
            return
        }
        #expect(error.kind == .storeUnavailable)
        #expect(error.message.contains(cluster.address.description))

        try cluster.start()
        let store = try PostgreSQLHistoryStore(address: cluster.address)
        let source = HistorySource(header: story[0].header)
        #expect(try store.blocks(of: source).map(\.sequence) == [1])
        #expect(try ChainVerifier(store: store).verify().verified)
        #expect(try store.currentResources(of: source).count == 2)
        #expect(try store.resourceIDs(endingWith: large.buckets[0].id.rawValue).isEmpty)
        #expect(try large.record(into: store).block.sequence == 2)
        #expect(try ChainVerifier(store: store).verify().verified)
    }

    @Test(.enabled(if: serverAvailable, PostgreSQLTestServer.absence))
    func newerSchemaIsRefused() throws {
        let (store, address) = try newStore()
        try SnapshotFixture.encryptionStory[0].record(into: store)
        try PostgreSQLConnection(address: address).execute("UPDATE tenet_schema SET version = 99")
        do {
            _ = try PostgreSQLHistoryStore(address: address)
            Issue.record("a store from a newer schema was opened")
        } catch let error as HistoryError {
            #expect(error.kind == .newerSchema)
            #expect(error.message.contains("schema version 99"))
            #expect(error.message.contains(address.description))
        }
    }

    @Test(.enabled(if: serverAvailable, PostgreSQLTestServer.absence))
    func databaseOfAnotherProgramIsRefused() throws {
        let address = try PostgreSQLTestServer.newDatabase(on: try #require(PostgreSQLTestServer.address))
        try PostgreSQLConnection(address: address).execute("CREATE TABLE notes (text TEXT)")
        #expect(throws: HistoryError.self) { try PostgreSQLHistoryStore(address: address) }
    }

    @Test(.enabled(if: serverAvailable, PostgreSQLTestServer.absence))
    func commandsReadAndWriteAPostgreSQLStore() throws {
        let (store, address) = try newStore()
        for snapshot in SnapshotFixture.encryptionStory { try snapshot.record(into: store) }
        let timeline = try ChildProcess.run("tenet", ["history", "timeline", "logs", "--store", address.description])
        #expect(timeline.status == 0)
        #expect(timeline.standardOutput.contains("2026-03-02T09:00:00Z  S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: COMPLIANT -> NON_COMPLIANT"))
        let verify = try ChildProcess.run("tenet", ["history", "verify", "--store", address.description])
        #expect(verify.status == 0)
        #expect(verify.standardOutput.hasSuffix("verified\n"))
    }

    @Test func unreachableServerIsExitTwoNamingTheAddress() throws {
        let address = "postgres://tenet@127.0.0.1:\(try LoopbackPort.free())/history"
        do {
            _ = try PostgreSQLHistoryStore(url: address)
            Issue.record("a store on a closed port was opened")
        } catch let error as HistoryError {
            #expect(error.kind == .storeUnavailable)
            #expect(error.message.contains(address))
        }
        let outcome = try ChildProcess.run("tenet", ["history", "compliance", "--store", address])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("cannot connect to the PostgreSQL history store \(address)"))
    }

    @Test func addressesAreParsedAndPasswordsKeptOutOfMessages() throws {
        let address = try PostgreSQLAddress(url: "postgresql://scanner:s%40cret@db.internal:6543/history?sslmode=disable")
        #expect(address == PostgreSQLAddress(host: "db.internal", port: 6543, user: "scanner", password: "s@cret", database: "history"))
        #expect(address.description == "postgres://scanner@db.internal:6543/history")
        for bad in ["postgres://db/history", "postgres://scanner:hunter2@db", "postgres://scanner@db/history?sslmode=require"] {
            do {
                _ = try PostgreSQLAddress(url: bad)
                Issue.record("\(bad) was accepted")
            } catch let error as HistoryError {
                #expect(error.kind == .invalidInput)
                #expect(!error.message.contains("hunter2"))
            }
        }
    }
}

/// A recording on a thread of its own, so the test can stop the server under it.
private final class BackgroundRecording: @unchecked Sendable {
    private let snapshot: SnapshotFixture
    private let store: PostgreSQLHistoryStore
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcome: Result<HistoryRecorder.Report, any Error>?

    init(_ snapshot: SnapshotFixture, into store: PostgreSQLHistoryStore) {
        self.snapshot = snapshot
        self.store = store
        Thread { self.run() }.start()
    }

    private func run() {
        let result = Result { try snapshot.record(into: store) }
        lock.withLock { outcome = result }
        done.signal()
    }

    var isFinished: Bool { lock.withLock { outcome != nil } }

    func wait() -> Result<HistoryRecorder.Report, any Error> {
        done.wait()
        return lock.withLock { outcome! }
    }
}
