import ArgumentParser
import Foundation
import TenetDocument
import TenetEvidence
import TenetHistory

struct ExportBundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write the evidence for a period: per rule and control, non-compliant resources, suppressions, changes, and a manifest.",
        discussion: """
            `tenet export …` runs this command. The directory must be new or empty.

            Examples:
              tenet export --from 2026-03-01 --to 2026-03-31 --output march
              tenet export --from 2026-01-01T00:00:00Z --to 2026-03-31T23:59:59Z \\
                --rule S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED --output q1 \\
                --signing-key tenet.key
            """
    )

    @Option(help: "The period's start (RFC 3339 or a date), included.")
    var from: HistoryTimeArgument

    @Option(help: "The period's end (RFC 3339 or a date), included.")
    var to: HistoryTimeArgument

    @Option(help: "Only this rule (repeatable).")
    var rule: [String] = []

    @Option(help: "Only the rules of this pack (rules/packs/<name>.yaml).")
    var pack: String?

    @Option(help: "The directory to write the bundle to (created; must be empty if it exists).")
    var output: String

    @Option(help: "An Ed25519 signing key file to sign the manifest (manifest.sig).")
    var signingKey: String?

    @OptionGroup var rules: RulesDirectoryOption
    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var format: HistoryFormatOption

    func run() throws {
        let library = try rules.library()
        var selected: Set<String>? = rule.isEmpty ? nil : Set(rule)
        if let pack {
            selected = (selected ?? []).union(try rules.rules(ofPack: pack, in: library).map(\.id))
        }
        try store.run { store in
            let key = try signingKey.map(HistorySigningKey.init(contentsOf:))
            let request = EvidenceRequest(from: from.date, to: to.date, rules: selected, pack: pack, toolVersion: TenetCommand.version)
            let report = try EvidenceExporter(store: store, library: library, signingKey: key).export(request, to: output)
            format.write(
                text: {
                    report.manifest.files.map { "\($0.path)  \($0.bytes) bytes  sha256 \($0.sha256)\n" }.joined()
                        + "wrote \(report.manifest.files.count) files and \(EvidenceManifest.fileName)"
                        + (key == nil ? "" : " (signed, \(EvidenceManifest.signatureFileName))") + " to \(output)\n"
                },
                json: {
                    ["directory": .string(output), "signed": .bool(key != nil),
                     "rows": .map(report.rows.sorted { $0.key < $1.key }.map { Value.Entry($0.key, .int(Int64($0.value))) }),
                     "files": .list(report.manifest.files.map { ["path": .string($0.path), "sha256": .string($0.sha256), "bytes": .int(Int64($0.bytes))] })]
                })
        }
    }
}
