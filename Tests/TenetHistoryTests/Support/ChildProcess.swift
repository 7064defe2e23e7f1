import Foundation
import TenetTestServers

/// Runs a built executable from the products directory, or a script, and captures its output,
/// waiting with `Process.waitForExit(polls:)`: Foundation's `waitUntilExit` never returns on a
/// Swift concurrency thread on Linux, where these tests run.
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
        let status = process.waitForExit(polls: seconds * 50) ?? -1
        return Outcome(
            status: status,
            standardOutput: String(decoding: FileManager.default.contents(atPath: output.path) ?? Data(), as: UTF8.self),
            standardError: String(decoding: FileManager.default.contents(atPath: error.path) ?? Data(), as: UTF8.self))
    }
}
