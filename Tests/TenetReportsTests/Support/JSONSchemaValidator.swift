import Foundation

/// Validates JSON against a JSON Schema with python's `jsonschema` (pinned in `scripts/setup`),
/// through `validate_json_schema.py` beside this file: a real validator, not a hand-rolled check.
struct JSONSchemaValidator {
    let schemaPath: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The schema violations in `document`, one per line; empty when it is valid.
    func violations(in document: [UInt8]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = [
            "python3", TestPaths.testsDirectory.appending(path: "Support/validate_json_schema.py").path, schemaPath,
        ]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Written from another thread: a report larger than the pipe buffer would otherwise
        // block while the validator waits for its end.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(document))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        switch process.waitForExitStatus() {
        case 0: return []
        case 1: return printed.split(separator: "\n").map(String.init)
        case let status: throw Failure(description: "validate_json_schema.py exited with \(status.map(String.init) ?? "no status"): \(errorText)")
        }
    }
}

extension Process {
    /// Polls `waitpid` instead of `waitUntilExit`, whose run loop never returns on Linux when
    /// called from a Swift concurrency thread (where Swift Testing may run a test).
    func waitForExitStatus(polls: Int = 3000) -> Int32? {
        for _ in 0..<polls {
            var status: Int32 = 0
            let result = waitpid(processIdentifier, &status, WNOHANG)
            if result == processIdentifier {
                // WIFEXITED / WEXITSTATUS, which Swift cannot import: low 7 bits 0 means a normal exit.
                return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
            if result == -1 && errno == ECHILD && !isRunning { return terminationStatus }
            usleep(20_000)
        }
        return nil
    }
}
