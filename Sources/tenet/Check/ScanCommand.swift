import ArgumentParser
import Foundation
import TenetDocument
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

            Exit codes: 0 nothing at or above --fail-on, 1 findings (or an evaluation error),
            2 usage or input error.
            """
    )

    @Option(help: ArgumentHelp("An inventory file, or a directory of .jsonl inventories.", valueName: "file|dir"))
    var inventory: String

    @OptionGroup var scan: ScanOptions
    @OptionGroup var reports: ReportOutputOptions

    func run() throws {
        let configuration = try scan.configuration()
        let settings = scan.settings(with: configuration)
        let ruleSet = try ScanPipeline.ruleSet(for: settings)
        let documents = try Self.inventoryFiles(inventory).map { path throws(Diagnostic) in
            ScanDocument(projection: try SnapshotProjection(reading: path), name: path)
        }
        var result = ScanEngine(ruleSet: ruleSet).scan(documents, evaluatedAt: settings.now)
        try ScanPipeline.govern(&result, templates: [], settings: settings)
        try reports.write(result, settings: settings, configuration: configuration)
        let status = settings.policy.exitStatus(for: result)
        if status != .ok { throw status }
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
