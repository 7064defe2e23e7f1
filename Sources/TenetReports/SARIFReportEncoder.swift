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

    /// The run's results, one per finding of a large run, are made and written one at a time
    /// after the run's head; its notifications (errors, missing data) come before them in the
    /// run and are few, so they are gathered first.
    public func encode(_ result: ScanResult, options: ReportOptions, into write: ([UInt8]) -> Void) {
        let context = ReportContext(result, options: options)
        let text = FindingText(paths: context.paths)
        let ruleIndex = Dictionary(result.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let locations = SARIFLocations(context: context)

        var results: [ReportedEvaluation] = []
        var notifications: [Value] = []
        for reported in context.evaluations {
            switch reported.disposition {
            case .violation, .suppressed:
                results.append(reported)
            case .error, .insufficientData:
                notifications.append(.object([
                    ("level", .string(reported.failsRun ? "error" : "warning")),
                    ("message", .object([("text", .string("\(reported.resourceName): \(text.headline(reported))"))])),
                    ("locations", .list([locations.location(for: reported)])),
                    ("associatedRule", .object([("id", .string(reported.rule.id)), ("index", ruleIndex[reported.rule.id].map { Value.number($0) })])),
                ]))
            case .compliant, .notApplicable:
                continue
            }
        }
        let errored = context.evaluations.contains { $0.disposition == .error }

        let run: [JSONOutput.Field] = [
            .value("tool", .object([("driver", .object([
                ("name", .string("Tenet")),
                ("version", .string(options.toolVersion)),
                ("rules", .list(result.rules.map { ruleValue($0, paths: context.paths) })),
            ]))])),
            .value("invocations", .list([.object([
                ("executionSuccessful", .bool(!errored)),
                ("toolExecutionNotifications", .list(notifications)),
            ])])),
            .value("columnKind", .string("unicodeCodePoints")),
            .list("results", count: results.count) { index in
                let reported = results[index]
                return resultValue(reported, ruleIndex: ruleIndex[reported.rule.id], text: text, locations: locations)
            },
        ]
        JSONOutput.write(object: [
            .value("$schema", .string(Self.schemaURI)),
            .value("version", .string("2.1.0")),
            .objects("runs", [run]),
        ], into: write)
    }

    private func ruleValue(_ rule: ScannedRule, paths: ReportPaths) -> Value {
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
        return .object([
            ("id", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("fullDescription", .object([("text", .string(metadata?.description ?? rule.title))])),
            ("help", .object([("text", .string(helpText)), ("markdown", .text(helpMarkdown))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
            ("properties", .object([
                ("security-severity", .string(Self.securitySeverity(rule.severity))),
                ("tags", .list(tags.map { .string($0) })),
                ("severity", .string(rule.severity.rawValue)),
            ])),
        ])
    }

    private func resultValue(_ reported: ReportedEvaluation, ruleIndex: Int?, text: FindingText, locations: SARIFLocations) -> Value {
        let evaluation = reported.evaluation
        let fingerprint = evaluation.fingerprint.rawValue
        return .object([
            ("ruleId", .string(reported.rule.id)),
            ("ruleIndex", ruleIndex.map { Value.number($0) }),
            ("kind", .string("fail")),
            ("level", .string(Self.level(reported.severity))),
            ("message", .object([("text", .string("\(reported.resourceName): \(text.headline(reported))"))])),
            ("locations", .list([locations.location(for: reported)])),
            ("partialFingerprints", .object([
                ("primaryLocationLineHash", .string(fingerprint)),
                ("tenetFinding/v1", .string(fingerprint)),
            ])),
            ("baselineState", evaluation.baseline.map { Value.string($0 == .new ? "new" : "unchanged") }),
            ("suppressions", evaluation.suppression.map { Value.list([suppressionValue($0)]) }),
            ("properties", .object([
                ("resourceType", .string(reported.resource.type.rawValue)),
                ("failsRun", .bool(reported.failsRun)),
                ("checks", .list(evaluation.checks.map { .string(text.checkSummary($0)) })),
            ])),
        ])
    }

    private func suppressionValue(_ suppression: Suppression) -> Value {
        .object([
            ("kind", .string(suppression.origin == .central ? "external" : "inSource")),
            ("status", .string("accepted")),
            ("justification", .text(suppression.reason)),
            ("properties", .object([
                ("owner", .text(suppression.owner)),
                ("expires", .text(suppression.expires.map(FindingText.timestamp))),
            ])),
        ])
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
private struct SARIFLocations {
    let context: ReportContext

    func location(for reported: ReportedEvaluation) -> Value {
        let resource = Value.object([
            ("name", .string(reported.resourceName)),
            ("fullyQualifiedName", .string(context.paths.display(reported.resource.id.rawValue))),
            ("kind", .string("resource")),
        ])
        let (file, position) = anchor(of: reported)
        return .object([
            ("physicalLocation", file.map { file in
                .object([
                    ("artifactLocation", artifactLocation(file)),
                    ("region", position.flatMap(region)),
                ])
            }),
            ("logicalLocations", .list([resource])),
        ])
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
        guard context.result.origin(ofDocument: document) == .templatesTogether, let first = context.documents.first else { return (nil, nil) }
        return (first, FileLocation(file: first, line: 1, column: 1))
    }

    private func artifactLocation(_ file: String) -> Value {
        let shown = context.paths.display(file)
        let encoded = shown.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? shown
        if shown.hasPrefix("/") { return .object([("uri", .string("file://" + encoded))]) }
        return .object([("uri", .string(encoded)), ("uriBaseId", .string(SARIFReportEncoder.sourceRoot))])
    }

    /// `endColumn` is exclusive; when the line cannot be read the region covers one character.
    /// None for a location without a line (a value built in code): SARIF lines start at 1.
    private func region(_ location: FileLocation) -> Value? {
        guard location.line >= 1, location.column >= 1 else { return nil }
        let line = context.options.sources.line(location.line, of: location.file)
        let contentEnd = line.map { $0.unicodeScalars.count - $0.unicodeScalars.reversed().prefix { $0 == " " || $0 == "\t" }.count } ?? 0
        let endColumn = max(contentEnd + 1, location.column + 1)
        return .object([
            ("startLine", .number(location.line)),
            ("startColumn", .number(location.column)),
            ("endLine", .number(location.line)),
            ("endColumn", .number(endColumn)),
        ])
    }
}
