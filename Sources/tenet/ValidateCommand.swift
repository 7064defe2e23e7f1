import Foundation
import ArgumentParser
import TenetDocument
import TenetGuard

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Evaluate Guard rules against templates and documents, as cfn-guard validate does.",
        discussion: """
            Rules and data may be files or directories (.guard .ruleset; .yaml .yml .json .jsn \
            .template). Parameter files (-i) are merged into every data document.

            Examples:
              tenet validate -r rules/ -d template.yaml
              tenet validate -r s3.guard -d templates/ -o json
              tenet validate -r rules.guard -d template.yaml -i parameters.yaml \\
                --show-summary all

            Exit codes: 0 every rule passes or skips, 1 some rule fails (cfn-guard uses 19), \
            2 a rules file does not parse, an input cannot be read, or an evaluation stops on an \
            error (cfn-guard uses 5 and 255).
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: [.short, .long], help: "Rules files or directories.")
    var rules: [String]

    @Option(name: [.short, .long], help: "Data files or directories.")
    var data: [String]

    @Option(name: [.short, .customLong("input-parameters")], help: "Parameter files merged into every data document.")
    var inputParameters: [String] = []

    @Option(name: [.short, .customLong("output-format")], help: "text or json.")
    var outputFormat: OutputFormat = .text

    @Option(name: [.customShort("S"), .long], help: "Rule statuses to list in text output: pass, fail, skip, all, none (comma-separated).")
    var showSummary = "fail"

    func run() throws {
        let summary = try showSummary.split(separator: ",").map { item in
            guard let value = ValidationTextReport.Summary(rawValue: item.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--show-summary takes pass, fail, skip, all or none, not '\(item)'")
            }
            return value
        }
        let result = GuardValidation(rulePaths: rules, dataPaths: data, parameterPaths: inputParameters).run()
        result.errors.forEach(StandardStreams.report)
        for report in result.reports { if let error = report.error { StandardStreams.report(error) } }
        switch outputFormat {
        case .text: StandardStreams.write(ValidationTextReport.render(result, summary: Set(summary)))
        case .json where result.errors.isEmpty: StandardStreams.write(ValidationJSONReport.render(result))
        case .json: break
        }
        let status = ExitStatus.of(failures: result.hasFailures, inputErrors: result.hasErrors)
        if status != .ok { throw status }
    }
}
