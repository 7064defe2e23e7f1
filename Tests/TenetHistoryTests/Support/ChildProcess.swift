import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a built executable from the products directory, or a script, and captures its output,
/// waiting by polling `waitpid`: Foundation's `waitUntilExit` never returns on a Swift concurrency
/// thread on Linux, where these tests run.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        try run(Bundle.main.bundleURL.appendingPathComponent(executable), arguments)
    }

    /// `seconds`: how long to wait before giving up on the process (status -1).
    static func run(_ executable: URL, _ arguments: [String], seconds: Int = 30) throws -> Outcome {
        let directory = TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("stdout")
        let error = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: error.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        let status = waitForExit(process, seconds: seconds) ?? -1
        return Outcome(
            status: status,
            standardOutput: String(decoding: FileManager.default.contents(atPath: output.path) ?? Data(), as: UTF8.self),
            standardError: String(decoding: FileManager.default.contents(atPath: error.path) ?? Data(), as: UTF8.self))
    }

    /// The exit code (128 + signal when killed), or nil after `seconds`.
    static func waitForExit(_ process: Process, seconds: Int = 30) -> Int32? {
        let pid = process.processIdentifier
        for _ in 0..<(seconds * 50) {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
            if result == -1 && errno == ECHILD && !process.isRunning {
                // Foundation reaped it first; its status is readable once `isRunning` says so.
                return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
            }
            usleep(20_000)
        }
        return nil
    }
}
