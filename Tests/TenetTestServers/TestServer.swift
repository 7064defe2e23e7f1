import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TenetAWS

/// A real server process on loopback — a `moto_server`, or one of the Python stubs beside this
/// file — started on a free port and always stopped by its owner.
public final class TestServer: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private var stopped = false

    public var url: String { "http://127.0.0.1:\(port)" }
    public var endpoint: AWSEndpoint { AWSEndpoint(url: url)! }

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    /// A moto server. `environment` can switch on its authenticated mode.
    public static func moto(environment: [String: String] = [:]) throws -> TestServer {
        let port = try LoopbackPort.free()
        return try start(executable: "moto_server", arguments: ["-H", "127.0.0.1", "-p", String(port)], port: port, environment: environment)
    }

    /// A Python script from `Support/` that takes the port as its first argument.
    public static func script(_ name: String, arguments: [String]) throws -> TestServer {
        let port = try LoopbackPort.free()
        return try start(executable: "python3", arguments: [PythonScript.path(name), String(port)] + arguments, port: port, environment: [:])
    }

    private static func start(executable: String, arguments: [String], port: Int, environment: [String: String]) throws -> TestServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = TestServer(port: port, process: process)
        do {
            try LoopbackPort.waitUntilListening(port, process: process)
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        process.terminate()
        if process.waitForExit(polls: 100) == nil {
            kill(process.processIdentifier, SIGKILL)
            process.waitForExit(polls: 100)
        }
    }

    deinit { stop() }
}

extension Process {
    /// Waits by polling `waitpid` and returns the exit code, or nil if the process is still
    /// running after `polls` tries. Foundation's `waitUntilExit` spins a run loop, which on Linux
    /// never returns when called from a Swift concurrency thread, as async tests are; and its
    /// `isRunning` and `terminationStatus` are only updated by that run loop (reading the status
    /// before then traps).
    @discardableResult
    public func waitForExit(polls: Int) -> Int32? {
        for _ in 0..<polls {
            var status: Int32 = 0
            let result = waitpid(processIdentifier, &status, WNOHANG)
            if result == processIdentifier {
                // WIFEXITED / WEXITSTATUS, which Swift cannot import: low 7 bits 0 means a normal exit.
                return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
            if result == -1 && errno == ECHILD && !isRunning {
                // Foundation reaped it first; its status is readable once `isRunning` says so.
                return terminationReason == .uncaughtSignal ? 128 + terminationStatus : terminationStatus
            }
            usleep(20_000)
        }
        return nil
    }
}

/// Runs the Python scripts kept beside this file: the seeders and stub servers every test
/// target that talks to AWS shares.
public enum PythonScript {
    public static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs a script to completion and returns its standard output; a failure throws its stderr.
    public static func run(_ name: String, arguments: [String] = [], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path(name)] + arguments
        let output = Pipe()
        let errors = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(input) }
        try inputPipe.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let status = process.waitForExit(polls: 6000)
        guard status == 0 else { throw ServerFailure("\(name) exited with \(status.map(String.init) ?? "no status"): \(errorText)") }
        return data
    }
}
