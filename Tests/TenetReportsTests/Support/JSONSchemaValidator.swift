import Foundation
import TenetTestServers

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
        switch process.waitForExit(polls: 3000) {
        case 0: return []
        case 1: return printed.split(separator: "\n").map(String.init)
        case let status: throw Failure(description: "validate_json_schema.py exited with \(status.map(String.init) ?? "no status"): \(errorText)")
        }
    }
}
