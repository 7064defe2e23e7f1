import ArgumentParser
import Foundation
import TenetDocument
import TenetRules
import TenetScan

/// The rule, policy and governance options `check` and `scan` share. Every option can also be set
/// in `.tenet.yaml`; the command line wins.
struct ScanOptions: ParsableArguments {
    @Option(help: "The rule pack to run (rules/packs/<name>.yaml; default all).")
    var pack: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("Your own Guard rule files or directories (repeatable).", valueName: "file|dir"))
    var customRules: [String] = []

    @Option(help: ArgumentHelp("Managed rules from this directory instead of those built into tenet.", valueName: "dir"))
    var rulesDir: String?

    @Option(name: .customLong("rule-param"), help: ArgumentHelp("Set a managed rule's parameter (repeatable).", valueName: "RULE.KEY=VALUE"))
    var ruleParameters: [String] = []

    @Option(help: ArgumentHelp("Fail on findings of this severity or above: critical, high, medium, low, info (default low).", valueName: "severity"))
    var failOn: String?

    @Flag(help: "Fail when a resource type could not be collected (INSUFFICIENT_DATA).")
    var failOnInsufficientData = false

    @Option(help: ArgumentHelp("Evaluate as of this RFC 3339 time (suppression expiry, Guard now()), for reproducible runs.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Central suppressions file (default .tenet/suppressions.yaml).", valueName: "file"))
    var suppressions: String?

    @Flag(help: "Ignore suppressions written in template metadata.")
    var noInlineSuppressions = false

    @Option(help: ArgumentHelp("Fail only on findings not recorded in this baseline.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record the current findings as a baseline.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("The repository configuration (default: .tenet.yaml here or above).", valueName: "file"))
    var config: String?

    func validate() throws {
        if let failOn, Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on '\(failOn)' is not a severity; expected one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let now, RFC3339.date(now) == nil {
            throw ValidationError("--now '\(now)' is not an RFC 3339 time; expected e.g. 2026-11-21T10:00:00Z")
        }
    }

    func configuration() throws(Diagnostic) -> RepositoryConfiguration {
        guard let path = config ?? RepositoryConfiguration.discover() else { return RepositoryConfiguration() }
        return try RepositoryConfiguration.load(path)
    }

    /// The command line laid over the configuration file.
    func settings(with configuration: RepositoryConfiguration) -> ScanSettings {
        var settings = ScanSettings()
        settings.pack = pack ?? configuration.pack ?? "all"
        settings.customRules = customRules.isEmpty ? configuration.rules : customRules
        settings.rulesDirectory = rulesDir ?? configuration.rulesDirectory
        settings.configurationParameters = configuration.ruleParameters
        settings.ruleParameterFlags = ruleParameters
        settings.suppressionsFile = suppressions ?? configuration.suppressions
        settings.inlineSuppressions = !noInlineSuppressions && (configuration.inlineSuppressions ?? true)
        settings.baseline = baseline ?? configuration.baseline
        settings.writeBaseline = writeBaseline
        settings.policy = FailurePolicy(
            threshold: failOn.flatMap(Severity.init(rawValue:)) ?? configuration.failOn ?? .low,
            failOnInsufficientData: failOnInsufficientData || (configuration.failOnInsufficientData ?? false))
        settings.now = now.flatMap(RFC3339.date) ?? Date()
        return settings
    }
}
