import ArgumentParser
import TenetDocument
import TenetRules

/// For maintainers: regenerates the Swift source that compiles `rules/` into the binary.
struct RulesBundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Regenerate the rules built into tenet from a rules directory (for maintainers).",
        discussion: """
            Run from the repository root after changing a rule or a pack, then rebuild:
              \(BundledRules.refreshCommand)
            """,
        shouldDisplay: false
    )

    @Option(help: "The managed-rules directory to bundle.")
    var rulesDir = "rules"

    @Option(help: "The generated Swift file.")
    var output = BundledRules.sourcePath

    func run() throws {
        let files: [BundledRuleFile]
        do {
            files = try BundledRulesGenerator.files(inRulesDirectory: rulesDir)
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
        try OutputFile.write(BundledRulesGenerator.source(for: files), to: output)
        StandardStreams.write("\(output): \(files.count) files from \(rulesDir)\n")
    }
}
