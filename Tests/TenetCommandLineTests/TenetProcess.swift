import Foundation

/// Runs the built `tenet` binary, as a user or CI would, and captures what it prints.
struct TenetProcess {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The products directory holds both the test bundle and the `tenet` executable.
    static var executable: URL {
        Bundle.main.bundleURL.appendingPathComponent("tenet")
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `tenet` with a pseudo-terminal as its standard output and error, as in an interactive
    /// shell, through util-linux `script`; what the terminal showed is `standardOutput`.
    static func runInTerminal(_ arguments: [String], environment: [String: String] = [:], in directory: URL = packageRoot) throws -> Outcome {
        let quoted = ([executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try run(["-qec", quoted.joined(separator: " "), "/dev/null"], environment: environment, in: directory, program: URL(fileURLWithPath: "/usr/bin/script"))
    }

    /// Output goes to temporary files rather than pipes, so a large output can never block the child.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL = packageRoot, program: URL = executable
    ) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = Process()
        process.executableURL = program
        process.standardInput = FileHandle.nullDevice
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
            standardError: try String(contentsOf: errorURL, encoding: .utf8))
    }
}
