import ArgumentParser
import Foundation
import TenetDocument
import TenetInventory

/// The options every `collect` subcommand shares: where the inventory goes and which capture
/// time it records.
struct InventoryOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the inventory to this file (default: standard output).")
    var output: String?

    @Option(help: "Record this RFC 3339 time as the capture time instead of now, for reproducible files.")
    var capturedAt: String?

    func validate() throws {
        if let capturedAt, Self.date(capturedAt) == nil {
            throw ValidationError("--captured-at '\(capturedAt)' is not an RFC 3339 time; expected e.g. 2026-11-21T10:00:00Z")
        }
    }

    var captureTime: Date {
        capturedAt.flatMap(Self.date) ?? Date()
    }

    private static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Writes the snapshot through `InventoryWriter`, so a failed run leaves no partial file.
    /// Standard output gets the finished file's bytes, written once it is complete.
    func write(header: SnapshotHeader, resources: [InventoryResource]) throws(Diagnostic) {
        if let output {
            try Self.writeFile(output, header: header, resources: resources)
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-collect-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(code: .inventoryWriteFailed, message: "cannot create a temporary directory: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("inventory.jsonl").path
        try Self.writeFile(path, header: header, resources: resources)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic(code: .inventoryWriteFailed, message: "the written inventory cannot be read back", location: FileLocation(file: path, line: 1, column: 1))
        }
        defer { try? handle.close() }
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            FileHandle.standardOutput.write(chunk)
        }
    }

    private static func writeFile(_ path: String, header: SnapshotHeader, resources: [InventoryResource]) throws(Diagnostic) {
        let writer = try InventoryWriter(path: path, header: header)
        for resource in resources { try writer.write(resource) }
        try writer.commit()
    }
}
