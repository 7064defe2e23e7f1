import ArgumentParser
import Foundation
import TenetDocument
import TenetInventory

/// Where and when an inventory is written, shared by every collector.
struct InventoryOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the inventory here (written to a temporary name and renamed); standard output when absent.")
    var output: String?

    @Option(help: ArgumentHelp("Record this capture time (RFC 3339) instead of now, for reproducible files.", valueName: "time"))
    var capturedAt: String?

    func validate() throws {
        if let capturedAt, RFC3339.date(capturedAt) == nil {
            throw ValidationError("--captured-at '\(capturedAt)' is not an RFC 3339 time; expected e.g. 2026-11-21T10:00:00Z")
        }
    }

    var captureTime: Date {
        capturedAt.flatMap(RFC3339.date) ?? Date()
    }

    /// Writes the snapshot in id order, so the same input gives the same bytes.
    func write(header: SnapshotHeader, resources: [InventoryResource]) throws(Diagnostic) {
        let writer = try output.map { path throws(Diagnostic) in try InventoryWriter(path: path, header: header) } ?? InventoryWriter(standardOutputWith: header)
        try writer.write(contentsOf: resources.sorted { $0.id < $1.id })
        try writer.commit()
    }
}
