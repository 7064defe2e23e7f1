import TenetDocument
import TenetRules
import TenetScan

/// Tenet's own JSON report, for tools: every evaluation (passes included), every rule run, the
/// summary and the policy's verdict.
///
/// The shape is versioned and specified by `reports/tenet-report.schema.json` and described in
/// `reports/README.md`. Field names are stable within a major `schemaVersion`; optional fields
/// are left out when absent rather than written as `null`, and lists are always present.
public struct JSONReportEncoder: ReportEncoder {
    /// Bumped in its major part when a field is removed, renamed or changes meaning; in its minor
    /// part when fields are added.
    public static let schemaVersion = "1.1"

    public init() {}

    /// Evaluations are made and written one at a time: a large run has hundreds of thousands.
    public func encode(_ result: ScanResult, options: ReportOptions, into write: ([UInt8]) -> Void) {
        let context = ReportContext(result, options: options)
        let summary = ReportSummary(context)
        let text = FindingText(paths: context.paths)
        JSONOutput.write(object: [
            .value("schemaVersion", .string(Self.schemaVersion)),
            .value("tool", .object([("name", .string("tenet")), ("version", .string(options.toolVersion))])),
            .value("evaluatedAt", .string(FindingText.timestamp(result.evaluatedAt))),
            .value("policy", .object([
                ("failOn", .string(options.policy.threshold.rawValue)),
                ("failOnInsufficientData", .bool(options.policy.failOnInsufficientData)),
            ])),
            .value("passed", .bool(summary.failing == 0)),
            .value("summary", summaryValue(summary)),
            .value("documents", .list(context.documents.map { .string(context.paths.display($0)) })),
            .value("rules", .list(result.rules.map { ruleValue($0, paths: context.paths) })),
            .list("evaluations", count: context.evaluations.count) { evaluationValue(context.evaluations[$0], text: text) },
            .value("expiredSuppressions", .list(result.expiredSuppressions.map { suppressionValue($0, paths: context.paths) })),
            .value("fixedFindings", .list(result.fixedFindings.map { .string($0.rawValue) })),
            .value("skippedFiles", .list(result.skippedFiles.map { skipped in
                .object([("path", .string(context.paths.display(skipped.path))), ("reason", .string(skipped.reason))])
            })),
        ], into: write)
    }

    private func summaryValue(_ summary: ReportSummary) -> Value {
        .object([
            ("rules", .number(summary.rules)),
            ("documents", .number(summary.documents)),
            ("evaluations", .number(summary.evaluations)),
            ("accountEvaluations", .number(summary.accountEvaluations)),
            ("failing", .number(summary.failing)),
            ("suppressed", .number(summary.suppressed)),
            ("byState", .object(ReportSummary.statesInOrder.map { ($0.rawValue, .number(summary.count($0))) })),
            ("bySeverity", .object(ReportSummary.severitiesMostSevereFirst.map { severity in
                (severity.rawValue, .object(ReportSummary.statesInOrder.map { ($0.rawValue, .number(summary.count(severity, $0))) }))
            })),
        ])
    }

    private func ruleValue(_ rule: ScannedRule, paths: ReportPaths) -> Value {
        let metadata = rule.metadata
        return .object([
            ("id", .string(rule.id)),
            ("title", .string(rule.title)),
            ("severity", .string(rule.severity.rawValue)),
            ("area", .text(metadata?.area.rawValue)),
            ("description", .text(metadata?.description)),
            ("rationale", .text(metadata?.rationale)),
            ("remediation", .text(metadata?.remediation)),
            ("controls", .object((metadata?.controls ?? [:]).sorted { $0.key < $1.key }.map { framework, controls in
                (framework.rawValue, .list(controls.map { .string($0) }))
            })),
            ("resourceTypes", .list(rule.resourceTypes.map { .string($0.rawValue) })),
            ("appliesToAccount", .bool(rule.appliesToAccount)),
            ("source", .string(paths.display(rule.sourcePath))),
            ("versionHash", .string(rule.versionHash)),
        ])
    }

    private func evaluationValue(_ reported: ReportedEvaluation, text: FindingText) -> Value {
        let evaluation = reported.evaluation
        return .object([
            ("ruleId", .string(evaluation.ruleID)),
            ("severity", .string(reported.severity.rawValue)),
            ("state", .string(evaluation.state.rawValue)),
            ("failsRun", .bool(reported.failsRun)),
            ("fingerprint", .string(evaluation.fingerprint.rawValue)),
            ("resource", .object([
                ("id", .string(text.paths.display(evaluation.resource.id.rawValue))),
                ("name", .string(reported.resourceName)),
                ("type", .string(evaluation.resource.type.rawValue)),
                ("document", .string(text.paths.display(evaluation.resource.document))),
                ("location", evaluation.resource.location.map { locationValue($0, paths: text.paths) }),
            ])),
            ("message", .string(text.headline(reported))),
            ("checks", .list(evaluation.checks.map { checkValue($0, paths: text.paths) })),
            ("detail", .text(evaluation.detail)),
            ("suppression", evaluation.suppression.map { suppressionValue($0, paths: text.paths) }),
            ("baseline", .text(evaluation.baseline?.rawValue)),
        ])
    }

    private func checkValue(_ check: FailingCheck, paths: ReportPaths) -> Value {
        .object([
            ("path", .text(check.propertyPath?.description)),
            ("found", check.found),
            ("expected", check.expected),
            ("message", .text(check.message)),
            ("reason", .string(check.reason)),
            ("location", check.location.map { locationValue($0, paths: paths) }),
            ("unresolvedDependency", .text(check.unresolvedDependency)),
        ])
    }

    private func suppressionValue(_ suppression: Suppression, paths: ReportPaths) -> Value {
        .object([
            ("rule", .string(suppression.rule)),
            ("resource", .text(suppression.resource)),
            ("path", .text(suppression.propertyPath?.description)),
            ("reason", .text(suppression.reason)),
            ("owner", .text(suppression.owner)),
            ("expires", .text(suppression.expires.map(FindingText.timestamp))),
            ("origin", .string(suppression.origin.rawValue)),
            ("location", suppression.location.map { locationValue($0, paths: paths) }),
        ])
    }

    private func locationValue(_ location: FileLocation, paths: ReportPaths) -> Value {
        .object([
            ("file", .string(paths.display(location.file))),
            ("line", .number(location.line)),
            ("column", .number(location.column)),
        ])
    }
}
