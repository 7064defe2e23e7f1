import ArgumentParser
import TenetDocument

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Load YAML or JSON files and print them as JSON.",
        discussion: """
            Shows a file the way every Tenet command reads it: YAML 1.1 scalars, CloudFormation \
            short-form tags in their long form (!Ref x becomes {"Ref": "x"}), aliases expanded. \
            One file prints as one indented document; several print one document per line.

            Examples:
              tenet parse examples/templates/web-app.yaml
              tenet parse --locations template.yaml
              tenet parse templates/*.yaml > documents.jsonl
            """
    )

    @Argument(help: "YAML or JSON files (.yaml .yml .json .jsn .template).")
    var files: [String]

    @Flag(help: "Wrap every node as {\"line\", \"column\", \"value\"}.")
    var locations = false

    @Option(help: "Refuse documents larger than this many bytes.")
    var maxBytes = LoadLimits.default.maxDocumentBytes

    func run() throws {
        var limits = LoadLimits.default
        limits.maxDocumentBytes = maxBytes
        let loader = DocumentLoader(limits: limits)
        let writer = JSONWriter(style: files.count == 1 ? .pretty : .compact, includeLocations: locations)
        var failed = false
        for file in files {
            do {
                let document = try loader.load(contentsOf: file)
                document.warnings.forEach(StandardStreams.report)
                var output: [UInt8] = []
                writer.write(document.root, to: &output)
                output.append(UInt8(ascii: "\n"))
                StandardStreams.write(output)
            } catch {
                StandardStreams.report(error)
                failed = true
            }
        }
        if failed { throw ExitStatus.usageOrInputError }
    }
}
