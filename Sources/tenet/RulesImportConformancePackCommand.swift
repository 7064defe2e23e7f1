import ArgumentParser
import Foundation
import TenetDocument
import TenetRules

struct RulesImportConformancePackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-conformance-pack",
        abstract: "Turn an AWS Config conformance-pack template into a Tenet pack, and report its coverage.",
        discussion: """
            Each AWS::Config::ConfigRule resource's Source.SourceIdentifier is matched to the \
            managed rules that carry it as their AWS Config identifier; its InputParameters become \
            the pack's values for the parameters of the same name (ignoring case, or their plural \
            when the parameter is a list). The coverage report lists \
            which identifiers Tenet implements and which it does not; it goes to standard output \
            when the pack is written with --output, else to standard error.

            Examples:
              tenet rules import-conformance-pack Operational-Best-Practices-for-S3.yaml
              tenet rules import-conformance-pack pack.yaml --name s3 \\
                --output rules/packs/s3.yaml

            Exit codes: 0 the pack was written (whatever its coverage), 2 the template cannot be \
            read or is not a conformance pack.
            """
    )

    @OptionGroup var directory: RulesDirectoryOption

    @Argument(help: "The conformance-pack template (YAML or JSON).")
    var file: String

    @Option(help: "Write the pack to this file instead of standard output.")
    var output: String?

    @Option(help: "The pack's name; the template's file name without its extension by default.")
    var name: String?

    func run() throws {
        let library = try directory.library()
        let result: ConformancePackImport
        do {
            result = try ConformancePackImporter(library: library).read(try DocumentLoader().load(contentsOf: file))
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
        let packName = name ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let pack = RulePackWriter.yaml(
            name: packName,
            description: "Imported from the AWS Config conformance pack \((file as NSString).lastPathComponent): the \(result.rules.count) managed rules that implement its config rules.",
            rules: result.rules)
        let coverage = ConformancePackCoverageText.render(result, source: file)
        if let output {
            try OutputFile.write(pack, to: output)
            StandardStreams.write(coverage)
        } else {
            StandardStreams.write(pack)
            StandardStreams.writeError(coverage.trimmingCharacters(in: .newlines))
        }
    }
}
