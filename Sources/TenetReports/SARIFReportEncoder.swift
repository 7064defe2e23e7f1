import Foundation
import TenetDocument
import TenetRules
import TenetScan

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule run as a
/// `reportingDescriptor`, one result per non-compliant (rule, resource), suppressed ones with
/// SARIF `suppressions`.
///
/// Evaluation errors and insufficient data are not violations of the rule, so they are tool
/// execution notifications of the run's invocation rather than results; the run is marked
/// unsuccessful when a rule errored. `partialFingerprints` hold the finding's fingerprint (rule,
/// resource, property path — no line), also as `primaryLocationLineHash`, the one key GitHub
/// matches alerts on, so moving a resource within its file keeps its alert.
public struct SARIFReportEncoder: ReportEncoder {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The base every relative artifact URI is resolved against: the report's base directory,
    /// which for CI is the repository root.
    static let sourceRoot = "%SRCROOT%"

    public init() {}

    /// The run's results, one per finding of a large run, are written in parallel chunks after
    /// the run's head; its notifications (errors, missing data) come before them in the run and
    /// are few, so they are gathered first.
    public func encode(_ result: ScanResult, options: ReportOptions, into write: ([UInt8]) -> Void) {
        let context = ReportContext(result, options: options)
        let text = FindingText(paths: context.paths)
        let ruleIndex = Dictionary(result.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let locations = SARIFLocations(context: context)

        var results: [ReportedEvaluation] = []
        var notifications: [ReportedEvaluation] = []
        for reported in context.evaluations {
            switch reported.disposition {
            case .violation, .suppressed: results.append(reported)
            case .error, .insufficientData: notifications.append(reported)
            case .compliant, .notApplicable: continue
            }
        }
        let errored = notifications.contains { $0.disposition == .error }

        var json = JSONText()
        json.object { json in
            json.field("$schema", Self.schemaURI)
            json.field("version", "2.1.0")
            json.list("runs") { json in
                json.object { json in
                    json.object("tool") { json in
                        json.object("driver") { json in
                            json.field("name", "Tenet")
                            json.field("version", options.toolVersion)
                            json.list("rules") { json in
                                for rule in result.rules { ruleObject(rule, paths: context.paths, into: &json) }
                            }
                        }
                    }
                    json.list("invocations") { json in
                        json.object { json in
                            json.field("executionSuccessful", !errored)
                            json.list("toolExecutionNotifications") { json in
                                for reported in notifications {
                                    notificationObject(reported, ruleIndex: ruleIndex[reported.rule.id], text: text, locations: locations, into: &json)
                                }
                            }
                        }
                    }
                    json.field("columnKind", "unicodeCodePoints")
                    json.list("results") { json in
                        json.elements(count: results.count, flushingTo: write) { [results] index, json in
                            let reported = results[index]
                            resultObject(reported, ruleIndex: ruleIndex[reported.rule.id], text: text, locations: locations, into: &json)
                        }
                    }
                }
            }
        }
        write(json.finished())
    }

    private func ruleObject(_ rule: ScannedRule, paths: ReportPaths, into json: inout JSONText) {
        let metadata = rule.metadata
        var helpText = "See the rule's source, \(paths.display(rule.sourcePath))."
        var helpMarkdown: String?
        if let metadata {
            helpText = "\(metadata.remediation)\n\nWhy: \(metadata.rationale)"
            helpMarkdown = "\(metadata.remediation)\n\n**Why:** \(metadata.rationale)"
        }
        var tags = ["security"]
        if let metadata {
            tags.append(metadata.area.rawValue)
            tags.append(contentsOf: metadata.controls.keys.sorted().map(\.rawValue))
        }
        json.object { json in
            json.field("id", rule.id)
            json.object("shortDescription") { $0.field("text", rule.title) }
            json.object("fullDescription") { $0.field("text", metadata?.description ?? rule.title) }
            json.object("help") { json in
                json.field("text", helpText)
                json.field("markdown", helpMarkdown)
            }
            json.object("defaultConfiguration") { $0.field("level", Self.level(rule.severity)) }
            json.object("properties") { json in
                json.field("security-severity", Self.securitySeverity(rule.severity))
                json.list("tags") { json in
                    for tag in tags { json.element(tag) }
                }
                json.field("severity", rule.severity.rawValue)
            }
        }
    }

    private func notificationObject(
        _ reported: ReportedEvaluation, ruleIndex: Int?, text: FindingText, locations: SARIFLocations, into json: inout JSONText
    ) {
        json.object { json in
            json.field("level", reported.failsRun ? "error" : "warning")
            json.object("message") { $0.field("text", "\(reported.resourceName): \(text.headline(reported))") }
            json.list("locations") { locations.location(for: reported, into: &$0) }
            json.object("associatedRule") { json in
                json.field("id", reported.rule.id)
                if let ruleIndex { json.field("index", ruleIndex) }
            }
        }
    }

    private func resultObject(_ reported: ReportedEvaluation, ruleIndex: Int?, text: FindingText, locations: SARIFLocations, into json: inout JSONText) {
        let evaluation = reported.evaluation
        let fingerprint = evaluation.fingerprint.rawValue
        json.object { json in
            json.field("ruleId", reported.rule.id)
            if let ruleIndex { json.field("ruleIndex", ruleIndex) }
            json.field("kind", "fail")
            json.field("level", Self.level(reported.severity))
            json.object("message") { $0.field("text", "\(reported.resourceName): \(text.headline(reported))") }
            json.list("locations") { locations.location(for: reported, into: &$0) }
            json.object("partialFingerprints") { json in
                json.field("primaryLocationLineHash", fingerprint)
                json.field("tenetFinding/v1", fingerprint)
            }
            json.field("baselineState", evaluation.baseline.map { (baseline) -> String in baseline == .new ? "new" : "unchanged" })
            if let suppression = evaluation.suppression {
                json.list("suppressions") { suppressionObject(suppression, into: &$0) }
            }
            json.object("properties") { json in
                json.field("resourceType", reported.resource.type.rawValue)
                json.field("failsRun", reported.failsRun)
                json.list("checks") { json in
                    for check in evaluation.checks { json.element(text.checkSummary(check)) }
                }
            }
        }
    }

    private func suppressionObject(_ suppression: Suppression, into json: inout JSONText) {
        json.object { json in
            json.field("kind", suppression.origin == .central ? "external" : "inSource")
            json.field("status", "accepted")
            json.field("justification", suppression.reason)
            json.object("properties") { json in
                json.field("owner", suppression.owner)
                json.field("expires", suppression.expires.map(FindingText.timestamp))
            }
        }
    }

    /// GitHub maps `error` to its error alerts and `note` to notes; high and critical are errors.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// A string, as GitHub requires, inside the band of its severity: above 9.0 critical, 7.0–8.9
    /// high, 4.0–6.9 medium, 0.1–3.9 low (GitHub has no informational band).
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }
}

/// SARIF locations: a relative URI under ``SARIFReportEncoder/sourceRoot`` and a region that
/// runs from the offending node to the end of its line's content, with the resource (or the
/// account) as the logical location.
private struct SARIFLocations: Sendable {
    let context: ReportContext
    /// Where the account's unlocated findings are anchored; found once, because listing the
    /// documents walks every evaluation.
    private let firstDocument: String?

    init(context: ReportContext) {
        self.context = context
        firstDocument = context.documents.first
    }

    /// The location of a result or notification, as the next element of a `locations` list.
    func location(for reported: ReportedEvaluation, into json: inout JSONText) {
        let (file, position) = anchor(of: reported)
        json.object { json in
            if let file {
                json.object("physicalLocation") { json in
                    artifactLocation(file, into: &json)
                    if let position { region(position, into: &json) }
                }
            }
            json.list("logicalLocations") { json in
                json.object { json in
                    json.field("name", reported.resourceName)
                    json.field("fullyQualifiedName", context.paths.display(reported.resource.id.rawValue))
                    json.field("kind", "resource")
                }
            }
        }
    }

    /// The file and node a result points at: the failing node, else the resource's document when
    /// it is a file. The account judged over all templates is none, and GitHub code scanning
    /// rejects the whole SARIF file when one result lacks an artifact location, so its findings
    /// that no template node locates are anchored at the first line of the first template
    /// evaluated; the logical location says they are the account's. A live collection has no
    /// file in any repository to anchor at: its results have the logical location alone.
    private func anchor(of reported: ReportedEvaluation) -> (file: String?, position: FileLocation?) {
        if let location = reported.location { return (location.file, location) }
        let document = reported.resource.document
        if let file = context.file(ofDocument: document) { return (file, nil) }
        guard context.result.origin(ofDocument: document) == .templatesTogether, let first = firstDocument else { return (nil, nil) }
        return (first, FileLocation(file: first, line: 1, column: 1))
    }

    private func artifactLocation(_ file: String, into json: inout JSONText) {
        let shown = context.paths.display(file)
        let encoded = shown.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? shown
        json.object("artifactLocation") { json in
            if shown.hasPrefix("/") {
                json.field("uri", "file://" + encoded)
            } else {
                json.field("uri", encoded)
                json.field("uriBaseId", SARIFReportEncoder.sourceRoot)
            }
        }
    }

    /// `endColumn` is exclusive; when the line cannot be read the region covers one character.
    /// None for a location without a line (a value built in code): SARIF lines start at 1.
    private func region(_ location: FileLocation, into json: inout JSONText) {
        guard location.line >= 1, location.column >= 1 else { return }
        let line = context.options.sources.line(location.line, of: location.file)
        let contentEnd = line.map { $0.unicodeScalars.count - $0.unicodeScalars.reversed().prefix { $0 == " " || $0 == "\t" }.count } ?? 0
        let endColumn = max(contentEnd + 1, location.column + 1)
        json.object("region") { json in
            json.field("startLine", location.line)
            json.field("startColumn", location.column)
            json.field("endLine", location.line)
            json.field("endColumn", endColumn)
        }
    }
}
