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

    /// Evaluations, most of the report, are written in parallel chunks straight into bytes.
    public func encode(_ result: ScanResult, options: ReportOptions, into write: ([UInt8]) -> Void) {
        let context = ReportContext(result, options: options)
        let summary = ReportSummary(context)
        let text = FindingText(paths: context.paths)
        var json = JSONText()
        json.object { json in
            json.field("schemaVersion", Self.schemaVersion)
            json.object("tool") { json in
                json.field("name", "tenet")
                json.field("version", options.toolVersion)
            }
            json.field("evaluatedAt", FindingText.timestamp(result.evaluatedAt))
            json.object("policy") { json in
                json.field("failOn", options.policy.threshold.rawValue)
                json.field("failOnInsufficientData", options.policy.failOnInsufficientData)
            }
            json.field("passed", summary.failing == 0)
            summaryObject(summary, into: &json)
            json.list("documents") { json in
                for document in context.documents { json.element(context.paths.display(document)) }
            }
            json.list("rules") { json in
                for rule in result.rules { ruleObject(rule, paths: context.paths, into: &json) }
            }
            json.list("evaluations") { json in
                json.elements(count: context.evaluations.count, flushingTo: write) { index, json in
                    evaluationObject(context.evaluations[index], text: text, into: &json)
                }
            }
            json.list("expiredSuppressions") { json in
                for suppression in result.expiredSuppressions { suppressionObject(nil, suppression, paths: context.paths, into: &json) }
            }
            json.list("fixedFindings") { json in
                for finding in result.fixedFindings { json.element(finding.rawValue) }
            }
            json.list("skippedFiles") { json in
                for skipped in result.skippedFiles {
                    json.object { json in
                        json.field("path", context.paths.display(skipped.path))
                        json.field("reason", skipped.reason)
                    }
                }
            }
        }
        write(json.finished())
    }

    private func summaryObject(_ summary: ReportSummary, into json: inout JSONText) {
        json.object("summary") { json in
            json.field("rules", summary.rules)
            json.field("documents", summary.documents)
            json.field("evaluations", summary.evaluations)
            json.field("accountEvaluations", summary.accountEvaluations)
            json.field("failing", summary.failing)
            json.field("suppressed", summary.suppressed)
            json.object("byState") { json in
                for state in ReportSummary.statesInOrder { json.field(state.rawValue, summary.count(state)) }
            }
            json.object("bySeverity") { json in
                for severity in ReportSummary.severitiesMostSevereFirst {
                    json.object(severity.rawValue) { json in
                        for state in ReportSummary.statesInOrder { json.field(state.rawValue, summary.count(severity, state)) }
                    }
                }
            }
        }
    }

    private func ruleObject(_ rule: ScannedRule, paths: ReportPaths, into json: inout JSONText) {
        let metadata = rule.metadata
        json.object { json in
            json.field("id", rule.id)
            json.field("title", rule.title)
            json.field("severity", rule.severity.rawValue)
            json.field("area", metadata?.area.rawValue)
            json.field("description", metadata?.description)
            json.field("rationale", metadata?.rationale)
            json.field("remediation", metadata?.remediation)
            json.object("controls") { json in
                for (framework, controls) in (metadata?.controls ?? [:]).sorted(by: { $0.key < $1.key }) {
                    json.list(framework.rawValue) { json in
                        for control in controls { json.element(control) }
                    }
                }
            }
            json.list("resourceTypes") { json in
                for type in rule.resourceTypes { json.element(type.rawValue) }
            }
            json.field("appliesToAccount", rule.appliesToAccount)
            json.field("source", paths.display(rule.sourcePath))
            json.field("versionHash", rule.versionHash)
        }
    }

    private func evaluationObject(_ reported: ReportedEvaluation, text: FindingText, into json: inout JSONText) {
        let evaluation = reported.evaluation
        json.object { json in
            json.field("ruleId", evaluation.ruleID)
            json.field("severity", reported.severity.rawValue)
            json.field("state", evaluation.state.rawValue)
            json.field("failsRun", reported.failsRun)
            json.field("fingerprint", evaluation.fingerprint.rawValue)
            json.object("resource") { json in
                json.field("id", text.paths.display(evaluation.resource.id.rawValue))
                json.field("name", reported.resourceName)
                json.field("type", evaluation.resource.type.rawValue)
                json.field("document", text.paths.display(evaluation.resource.document))
                locationObject(evaluation.resource.location, paths: text.paths, into: &json)
            }
            json.field("message", text.headline(reported))
            json.list("checks") { json in
                for check in evaluation.checks { checkObject(check, paths: text.paths, into: &json) }
            }
            json.field("detail", evaluation.detail)
            if let suppression = evaluation.suppression { suppressionObject("suppression", suppression, paths: text.paths, into: &json) }
            json.field("baseline", evaluation.baseline?.rawValue)
        }
    }

    private func checkObject(_ check: FailingCheck, paths: ReportPaths, into json: inout JSONText) {
        json.object { json in
            json.field("path", check.propertyPath?.description)
            json.field("found", check.found)
            json.field("expected", check.expected)
            json.field("message", check.message)
            json.field("reason", check.reason)
            locationObject(check.location, paths: paths, into: &json)
            json.field("unresolvedDependency", check.unresolvedDependency)
        }
    }

    /// A field named `key`, or a list's element when `key` is nil.
    private func suppressionObject(_ key: String?, _ suppression: Suppression, paths: ReportPaths, into json: inout JSONText) {
        json.object(key) { json in
            json.field("rule", suppression.rule)
            json.field("resource", suppression.resource)
            json.field("path", suppression.propertyPath?.description)
            json.field("reason", suppression.reason)
            json.field("owner", suppression.owner)
            json.field("expires", suppression.expires.map(FindingText.timestamp))
            json.field("origin", suppression.origin.rawValue)
            locationObject(suppression.location, paths: paths, into: &json)
        }
    }

    /// The `location` field, left out when there is none.
    private func locationObject(_ location: FileLocation?, paths: ReportPaths, into json: inout JSONText) {
        guard let location else { return }
        json.object("location") { json in
            json.field("file", paths.display(location.file))
            json.field("line", location.line)
            json.field("column", location.column)
        }
    }
}
