import Foundation
import TenetHistory
import Testing

/// Bad store files are refused with a clear message and left as they were.
@Suite struct StoreFileTests {
    private func path() -> String { TemporaryDirectory.make().appendingPathComponent("history.db").path }

    @Test func corruptFileIsAClearError() throws {
        let file = path()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        FileManager.default.createFile(atPath: file, contents: garbage)
        do {
            _ = try SQLiteHistoryStore(path: file)
            Issue.record("a corrupt file was opened")
        } catch let error as HistoryError {
            #expect(error.kind == .storeUnavailable)
            #expect(error.message.contains("corrupt or not a Tenet history store"))
        }
        #expect(FileManager.default.contents(atPath: file) == garbage)
    }

    @Test func newerSchemaIsRefused() throws {
        let file = path()
        try SnapshotFixture.encryptionStory[0].record(into: try SQLiteHistoryStore(path: file))
        try RawSQLite.execute(file, "PRAGMA user_version = 99")
        do {
            _ = try SQLiteHistoryStore(path: file)
            Issue.record("a store from a newer schema was opened")
        } catch let error as HistoryError {
            #expect(error.kind == .newerSchema)
            #expect(error.message.contains("schema version 99"))
        }
    }

    @Test func otherSQLiteDatabaseIsRefused() throws {
        let file = path()
        try RawSQLite.execute(file, "CREATE TABLE notes (text TEXT)")
        #expect(throws: HistoryError.self) { try SQLiteHistoryStore(path: file) }
    }

    @Test func storeIsReopenedWithItsHistoryAndInWALMode() throws {
        let file = path()
        for snapshot in SnapshotFixture.encryptionStory { try snapshot.record(into: try SQLiteHistoryStore(path: file)) }
        let store = try SQLiteHistoryStore(path: file)
        #expect(try store.blocks(of: try #require(try store.sources().first)).count == 3)
        #expect(try RawSQLite.column(file, "PRAGMA journal_mode") == ["wal"])
    }

    /// A failure half-way through a recording leaves nothing of it: a trigger makes the last
    /// insert of the block fail.
    @Test func failedRecordingWritesNothing() throws {
        let file = path()
        let story = SnapshotFixture.encryptionStory
        try story[0].record(into: try SQLiteHistoryStore(path: file))
        try RawSQLite.execute(file, "CREATE TRIGGER refuse AFTER INSERT ON summaries BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        #expect(throws: HistoryError.self) { try story[1].record(into: try SQLiteHistoryStore(path: file)) }
        try RawSQLite.execute(file, "DROP TRIGGER refuse")
        let store = try SQLiteHistoryStore(path: file)
        #expect(try RawSQLite.column(file, "SELECT count(*) FROM blocks") == ["1"])
        #expect(try RawSQLite.column(file, "SELECT count(*) FROM versions WHERE sequence = 2") == ["0"])
        #expect(try ChainVerifier(store: store).verify().verified)
        try story[1].record(into: store)
        #expect(try ChainVerifier(store: store).verify().verified)
    }
}
