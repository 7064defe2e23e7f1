import ArgumentParser
import TenetDocument
import TenetTemplates

/// How templates are found and what the user says about their deployment; shared by `collect
/// template` and `check`.
struct TemplateInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Template parameter values: CloudFormation's [{ParameterKey, ParameterValue}] list or a map.", valueName: "file"))
    var parameters: String?

    @Option(help: "The region pseudo parameters resolve to (AWS::Region, AWS::Partition, AWS::URLSuffix).")
    var region: String?

    @Option(help: "The account id AWS::AccountId resolves to.")
    var account: String?

    @Option(help: ArgumentHelp("Skip files whose path or name matches this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    /// Collects the templates under `paths`; warnings and skipped files go to standard error.
    /// Finding no template is an input error unless `allowingNone`.
    func collect(
        _ paths: [String], listSkipped: Bool, parametersFile: String? = nil, region: String? = nil, account: String? = nil, excludes: [String] = [],
        allowingNone: Bool = false
    ) throws -> TemplateSet {
        let values = try (parameters ?? parametersFile).map(ParameterFile.load) ?? [:]
        let inputs = TemplateInputs(parameterValues: values, region: self.region ?? region, account: self.account ?? account)
        let set = try TemplateSet.collect(paths, discovery: TemplateFileDiscovery(excludes: exclude + excludes), collector: TemplateCollector(inputs: inputs))
        set.warnings.forEach(StandardStreams.report)
        if listSkipped {
            for skipped in set.skipped { StandardStreams.writeError("skipped \(skipped.path): \(skipped.reason)") }
        }
        if set.templates.isEmpty && !allowingNone {
            throw Diagnostic(code: .noTemplates, message: "no CloudFormation templates found in \(paths.joined(separator: ", ")); expected files with a Resources map of typed resources")
        }
        return set
    }
}
