import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TenetHistory
import TenetTestServers
import Testing

/// Kills recording processes with SIGKILL at seeded random moments: the store stays intact, its
/// chain verifies, and every recording that reported success is there.
@Suite struct CrashSafetyTests {
    /// The helper executable sits beside the test bundle in the products directory.
    private var recorder: URL {
        Bundle.main.bundleURL.appendingPathComponent("history-crash-recorder")
    }

    @Test func killedRecordingsLeaveAnIntactVerifiedStore() throws {
        let directory = TemporaryDirectory.make()
        let path = directory.appendingPathComponent("history.db").path
        var generator = SeededGenerator(seed: 20_260_303)
        var succeeded: [Int64] = []
        var killed = 0
        for round in 0..<50 {
            let output = directory.appendingPathComponent("out-\(round)")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let process = Process()
            process.executableURL = recorder
            process.arguments = [path, "1000"]
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Every fifth recording runs to its end, so the store keeps growing whatever the machine's speed.
            let delay = UInt32.random(in: 0...400_000, using: &generator)
            if round % 5 != 4 {
                usleep(delay)
                if kill(process.processIdentifier, SIGKILL) == 0 { killed += 1 }
            }
            #expect(process.waitForExit(polls: 1500) != nil)
            let printed = String(decoding: FileManager.default.contents(atPath: output.path) ?? Data(), as: UTF8.self)
            if let line = printed.split(separator: "\n").first(where: { $0.hasPrefix("recorded ") }), let time = Int64(line.split(separator: " ")[2]) {
                succeeded.append(time)
            }
        }
        #expect(try RawSQLite.column(path, "PRAGMA integrity_check") == ["ok"])
        let store = try SQLiteHistoryStore(path: path)
        #expect(try ChainVerifier(store: store).verify().verified)
        let recorded = Set(try store.sources().flatMap { try store.blocks(of: $0) }.map { HistoryTime.milliseconds($0.capturedAt) })
        #expect(succeeded.allSatisfy(recorded.contains))
        #expect(succeeded.count >= 10)
        #expect(killed > 0)
    }
}
