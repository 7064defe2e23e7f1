import ArgumentParser
import Foundation
import TenetDocument
import TenetReports
import TenetScan
import TenetTemplates

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check CloudFormation templates against the managed rules and your own, before deploy.",
        discussion: """
            Templates are collected as `tenet collect template` does (intrinsics \
            resolved where the template decides them, secrets redacted) and every rule \
            of the pack runs once per template. Account-level rules ("a CloudTrail \
            trail is logging") run once over all the templates together and report on \
            the `account`. Settings can live in .tenet.yaml (found here or above); \
            flags win.

            Examples:
              tenet check templates/
              tenet check app.yaml --parameters prod.json --fail-on high
              tenet check . --format sarif --output tenet.sarif \\
                --report junit=tenet-junit.xml
              tenet check . --pack encryption --rules policies/ \\
                --rule-param REQUIRED_TAGS.tag1Key=Owner
              tenet check . --baseline .tenet/baseline.json

            Exit codes: 0 nothing at or above --fail-on, 1 findings (or an evaluation error), \
            2 usage or input error.
            """
    )

    @Argument(help: "Templates, or directories searched recursively.")
    var paths: [String]

    @Flag(help: "Pass, instead of exiting 2, when no path holds a template: for hooks given whichever files changed.")
    var allowNoTemplates = false

    @OptionGroup var template: TemplateInputOptions
    @OptionGroup var scan: ScanOptions
    @OptionGroup var reports: ReportOutputOptions

    func run() throws {
        // Made first, so that reading the templates counts towards a run being long.
        let progressBar = StandardStreams.progressBar(counting: "templates")
        let configuration = try scan.configuration()
        let settings = scan.settings(with: configuration)
        let templates = try template.collect(
            paths, listSkipped: reports.verbose, parametersFile: configuration.parameters, region: configuration.region, account: configuration.account, excludes: configuration.exclude,
            allowingNone: allowNoTemplates)
        let ruleSet = try ScanPipeline.ruleSet(for: settings)
        var result = try ScanEngine(ruleSet: ruleSet).scan(
            templates: templates.templates,
            evaluatedAt: settings.now,
            skippedFiles: templates.skipped,
            progress: progressBar?.tracking())
        progressBar?.finish()
        try ScanPipeline.govern(&result, templates: templates.templates, settings: settings)
        try reports.finish(result, settings: settings, configuration: configuration)
    }
}
