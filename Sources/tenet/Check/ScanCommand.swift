import ArgumentParser
import Foundation
import TenetDocument
import TenetHistory
import TenetInventory
import TenetScan

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Evaluate the rules over a collected inventory.",
        discussion: """
            The inventory is projected to a template-shaped document ({Resources: {<id>: {Type,
            Properties, Metadata}}}), so the rules that check templates check live resources
            unchanged. Types the collector could not read are INSUFFICIENT_DATA.

            Examples:
              tenet collect aws --region eu-west-1 -o live.jsonl && tenet scan --inventory live.jsonl
              tenet scan --inventory inventories/ --format json -o compliance.json
              tenet scan --inventory live.jsonl --record     Also record it in the history store

            Exit codes: 0 nothing at or above --fail-on, 1 findings (or an evaluation error),
            2 usage or input error.
            """
    )

    @Option(help: ArgumentHelp("An inventory file, or a directory of .jsonl inventories.", valueName: "file|dir"))
    var inventory: String

    @OptionGroup var scan: ScanOptions
    @OptionGroup var reports: ReportOutputOptions

    @Flag(help: "Record each inventory and its verdicts in the history store.")
    var record = false

    @OptionGroup var history: HistoryStoreOption

    @Option(help: ArgumentHelp("Sign every recorded block with this Ed25519 key (tenet history keygen).", valueName: "file"))
    var signingKey: String?

    func run() throws {
        try Self.scan(inventory, options: scan, reports: reports, recordingIn: record ? history : nil, signingKey: signingKey)
    }

    /// Shared with `tenet history record`, which is this command with recording always on.
    static func scan(
        _ inventory: String, options: ScanOptions, reports: ReportOutputOptions, recordingIn history: HistoryStoreOption?, signingKey: String?
    ) throws {
        let configuration = try options.configuration()
        let settings = options.settings(with: configuration)
        let ruleSet = try ScanPipeline.ruleSet(for: settings)
        let projections = try inventoryFiles(inventory).map { path throws(Diagnostic) in (path, try SnapshotProjection(reading: path)) }
        var result = ScanEngine(ruleSet: ruleSet).scan(projections.map { ScanDocument(projection: $1, name: $0) }, evaluatedAt: settings.now)
        try ScanPipeline.govern(&result, templates: [], settings: settings)
        if let history {
            try history.run { store in
                let recorder = HistoryRecorder(store: store, signingKey: try signingKey.map(HistorySigningKey.init(contentsOf:)))
                for (path, projection) in projections {
                    var own = result
                    own.evaluations = result.evaluations.filter { $0.resource.document == path }
                    let report = try recorder.record(header: projection.header, resources: projection.resources, result: own)
                    StandardStreams.writeError(
                        "recorded \(path): \(report.created) created, \(report.updated) updated, \(report.deleted) deleted, \(report.transitions) compliance transitions")
                }
            }
        }
        try reports.finish(result, settings: settings, configuration: configuration)
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
