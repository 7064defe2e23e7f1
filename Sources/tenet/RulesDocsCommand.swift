import ArgumentParser
import TenetDocument
import TenetRules

struct RulesDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write the catalogue of managed rules and packs as Markdown.",
        discussion: """
            Lists every rule by area (title, severity, resource types, AWS Config identifier, \
            controls, parameters) and every pack. The repository keeps it as rules/CATALOG.md; \
            a test fails when that file is stale.

            Examples:
              tenet rules docs > catalogue.md
              tenet rules docs --rules-dir rules --output rules/CATALOG.md
            """
    )

    @OptionGroup var directory: RulesDirectoryOption

    @Option(help: "Write the catalogue to this file instead of standard output.")
    var output: String?

    func run() throws {
        let library = try directory.library()
        let packs = try directory.packs()
        let markdown: String
        do {
            markdown = try RuleCatalogue.markdown(library: library, packs: packs)
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
        if let output {
            try OutputFile.write(markdown, to: output)
        } else {
            StandardStreams.write(markdown)
        }
    }
}
