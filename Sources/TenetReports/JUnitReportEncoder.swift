import Foundation
import TenetScan
import TenetXML

/// JUnit XML for CI test views (Jenkins, GitLab, Azure DevOps, GitHub test-report actions),
/// written through TenetXML's libxml2 writer.
///
/// One `testsuite` per scanned file: the file is what a developer opens and fixes, GitLab shows
/// the `classname` (the file) as the suite, and the scan result knows files but not which pack
/// selected a rule. Account-level rules that `check` judged once over all templates get one
/// `account` suite of their own instead of a skipped case in every file's; a live collection's
/// suite, like the account's, has no `file` or `line` to give. Test cases, per file
/// and rule in rule-id order: one per (rule, resource) that is non-compliant, errored, suppressed
/// or without data; one for the rule's compliant resources ("RULE: 3 resources compliant"); one
/// when the rule applied to no resource of the file. `junitAll` lists every (rule, resource) pair
/// instead of the compliant summary.
public struct JUnitReportEncoder: ReportEncoder {
    public init() {}

    /// The counts on `testsuites` and each `testsuite` come before their cases, so every case is
    /// planned first; a failure's details, the bulk of the report, are rendered only as its case
    /// is written, and the XML is handed on a megabyte at a time.
    public func encode(_ result: ScanResult, options: ReportOptions, into output: ([UInt8]) -> Void) {
        let context = ReportContext(result, options: options)
        let text = FindingText(paths: context.paths)
        let bySuite = Dictionary(grouping: context.evaluations) { context.accountJudged(by: $0.rule) ?? $0.resource.document }
        var suites = context.documents.map { document in
            JUnitSuite(
                name: context.paths.display(document),
                cases: cases(
                    suite: document, file: context.file(ofDocument: document), rules: context.result.rules.filter { context.accountJudged(by: $0) == nil },
                    evaluations: bySuite[document] ?? [], context: context, text: text))
        }
        let accountRules = context.result.rules.filter { context.accountJudged(by: $0) != nil }
        if let account = context.result.accountDocument, !accountRules.isEmpty {
            suites.append(JUnitSuite(
                name: account,
                cases: cases(suite: account, file: nil, rules: accountRules, evaluations: bySuite[account] ?? [], context: context, text: text)))
        }

        let writer = XMLWriter()
        writer.element("testsuites", attributes: [
            "name": "tenet",
            "tests": String(suites.reduce(0) { $0 + $1.cases.count }),
            "failures": String(suites.reduce(0) { $0 + $1.count(of: .failure) }),
            "errors": String(suites.reduce(0) { $0 + $1.count(of: .error) }),
        ]) {
            for suite in suites {
                write(suite, to: writer, withLocations: !options.junitNoLocations, text: text) {
                    if writer.pendingByteCount >= 1 << 20 { output(writer.takeWritten()) }
                }
            }
        }
        output(writer.finish())
    }

    /// The cases of one suite: a file, or a document that is none (the account pseudo-document, a
    /// live collection of the account's resources) and has no `file` to fall back on.
    private func cases(
        suite: String, file: String?, rules: [ScannedRule], evaluations: [ReportedEvaluation], context: ReportContext, text: FindingText
    ) -> [JUnitCase] {
        let classname = JUnitCase.classname(forFile: context.paths.display(suite))
        let byRule = Dictionary(grouping: evaluations, by: \.rule.id)
        var names = UniqueNames()
        var cases: [JUnitCase] = []
        func add(_ name: String, location: (file: String?, line: Int?), _ outcome: JUnitCase.Outcome) {
            cases.append(JUnitCase(name: names.claim(name), classname: classname, file: location.file, line: location.line, outcome: outcome))
        }
        let documentLocation = (file: file.map(context.paths.display), line: Int?.none)
        let scope = file == nil ? "account" : "file"

        for rule in rules {
            let ruleEvaluations = byRule[rule.id] ?? []
            let listed = ruleEvaluations.filter { context.options.junitAll || $0.disposition.isListedByDefault }
            for reported in listed {
                let location = reported.location.map { (file: Optional(context.paths.display($0.file)), line: Int?.some($0.line)) } ?? documentLocation
                add("\(rule.id) \(reported.resourceName)", location: location, outcome(reported, context: context, text: text))
            }
            guard !context.options.junitAll else {
                if ruleEvaluations.isEmpty {
                    add("\(rule.id): applied to no resource", location: documentLocation, .skipped(message: "no resource of this \(scope) is of the rule's types"))
                }
                continue
            }
            let compliant = ruleEvaluations.count { $0.disposition == .compliant }
            let notApplicable = ruleEvaluations.count { $0.disposition == .notApplicable }
            if compliant > 0 {
                add("\(rule.id): \(compliant) resource\(compliant == 1 ? "" : "s") compliant", location: documentLocation, .passed)
            } else if listed.isEmpty {
                let message = notApplicable > 0
                    ? "not applicable to the \(scope)'s \(notApplicable) resource\(notApplicable == 1 ? "" : "s") of the rule's types"
                    : "no resource of this \(scope) is of the rule's types"
                add("\(rule.id): applied to no resource", location: documentLocation, .skipped(message: message))
            }
        }
        return cases
    }

    private func outcome(_ reported: ReportedEvaluation, context: ReportContext, text: FindingText) -> JUnitCase.Outcome {
        let headline = text.headline(reported)
        switch reported.disposition {
        case .violation:
            return .failure(message: headline, type: reported.rule.id, detailsOf: reported)
        case .error:
            return .error(message: headline, type: reported.evaluation.state.rawValue, detailsOf: reported)
        case .insufficientData where context.options.policy.failOnInsufficientData:
            return .error(message: headline, type: reported.evaluation.state.rawValue, detailsOf: reported)
        case .insufficientData, .notApplicable:
            return .skipped(message: headline)
        case .suppressed:
            return .skipped(message: "\(headline) — \(text.suppressionSummary(reported.evaluation.suppression!))")
        case .compliant:
            return .passed
        }
    }

    /// `caseWritten` runs after each case, for the caller to take what the writer holds.
    private func write(_ suite: JUnitSuite, to writer: XMLWriter, withLocations: Bool, text: FindingText, caseWritten: () -> Void) {
        writer.element("testsuite", attributes: [
            "name": suite.name,
            "tests": String(suite.cases.count),
            "failures": String(suite.count(of: .failure)),
            "errors": String(suite.count(of: .error)),
            "skipped": String(suite.count(of: .skipped)),
        ]) {
            for testCase in suite.cases {
                writer.startElement("testcase")
                writer.attribute("name", testCase.name)
                writer.attribute("classname", testCase.classname)
                if withLocations {
                    if let file = testCase.file { writer.attribute("file", file) }
                    if let line = testCase.line { writer.attribute("line", String(line)) }
                }
                switch testCase.outcome {
                case .passed:
                    break
                case .failure(let message, let type, let reported):
                    writer.element("failure", attributes: ["message": message, "type": type]) { writer.cdata(text.details(reported)) }
                case .error(let message, let type, let reported):
                    writer.element("error", attributes: ["message": message, "type": type]) { writer.cdata(text.details(reported)) }
                case .skipped(let message):
                    writer.element("skipped", attributes: ["message": message])
                }
                writer.endElement()
                caseWritten()
            }
        }
    }
}

/// One `<testsuite>`: a scanned file, or the account judged over all templates, and its test cases.
private struct JUnitSuite {
    let name: String
    let cases: [JUnitCase]

    func count(of kind: JUnitCase.Kind) -> Int {
        cases.count { $0.outcome.kind == kind }
    }
}

/// One `<testcase>` before it is written.
private struct JUnitCase {
    enum Kind { case passed, failure, error, skipped }

    /// A failure or error keeps the evaluation its details are rendered from when it is written.
    enum Outcome {
        case passed
        case failure(message: String, type: String, detailsOf: ReportedEvaluation)
        case error(message: String, type: String, detailsOf: ReportedEvaluation)
        case skipped(message: String)

        var kind: Kind {
            switch self {
            case .passed: .passed
            case .failure: .failure
            case .error: .error
            case .skipped: .skipped
            }
        }
    }

    let name: String
    let classname: String
    let file: String?
    let line: Int?
    let outcome: Outcome

    /// Jenkins splits `classname` at its last dot into package and class, so a file name's dots
    /// (`network.yaml` → package `network`, class `yaml`) become underscores.
    static func classname(forFile file: String) -> String {
        file.replacingOccurrences(of: ".", with: "_")
    }
}

/// Test case names unique within a suite: GitLab keeps only the first of duplicates and Azure
/// DevOps shows only one, so a repeated name gets a ` (2)`, ` (3)` suffix.
private struct UniqueNames {
    private var used: Set<String> = []

    mutating func claim(_ name: String) -> String {
        var candidate = name
        var number = 2
        while !used.insert(candidate).inserted {
            candidate = "\(name) (\(number))"
            number += 1
        }
        return candidate
    }
}
