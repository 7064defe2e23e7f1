import ArgumentParser
import Foundation
import TenetDocument
import TenetInventory

struct ScanInventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Evaluate the rules over a collected inventory (the default of tenet scan).",
        discussion: """
            Examples:
              tenet collect aws --region eu-west-1 -o live.jsonl
              tenet scan --inventory live.jsonl
              tenet scan --inventory inventories/ --format json -o compliance.json
              tenet scan --inventory live.jsonl --record   Also record it in the history

            Exit codes: 0 nothing at or above --fail-on, 1 findings (or an evaluation \
            error), 2 usage or input error.
            """
    )

    @Option(help: ArgumentHelp("An inventory file, or a directory of .jsonl inventories.", valueName: "file|dir"))
    var inventory: String

    @OptionGroup var scan: ScanOptions
    @OptionGroup var reports: ReportOutputOptions
    @OptionGroup var recording: RecordingOptions

    func run() throws {
        try Self.scan(inventory, options: scan, reports: reports, recordingIn: recording.store, signingKey: recording.signingKey)
    }

    /// Shared with `tenet history record`, which is this command with recording always on.
    static func scan(
        _ inventory: String, options: ScanOptions, reports: ReportOutputOptions, recordingIn history: HistoryStoreOption?, signingKey: String?
    ) throws {
        let scan = try SnapshotScan(options: options, counting: "inventories")
        let snapshots = try inventoryFiles(inventory).map { path throws(Diagnostic) in (name: path, projection: try SnapshotProjection(reading: path)) }
        try scan.scan(snapshots, origin: .file, reports: reports, recordingIn: history, signingKey: signingKey)
    }

    static func inventoryFiles(_ path: String) throws(Diagnostic) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic(code: .unreadableFile, message: "no such inventory; expected a file written by tenet collect", location: FileLocation(file: path, line: 1, column: 1))
        }
        guard isDirectory.boolValue else { return [path] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
        guard !names.isEmpty else {
            throw Diagnostic(code: .unreadableFile, message: "no .jsonl inventories in this directory", location: FileLocation(file: path, line: 1, column: 1))
        }
        return names.map { path + "/" + $0 }
    }
}
