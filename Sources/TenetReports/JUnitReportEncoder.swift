import Foundation
import TenetDocument
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
    /// planned first, as a name and the evaluation or summary it reports; the messages and
    /// details, the bulk of the report, are rendered in parallel chunks as the cases are written,
    /// and the XML is handed on a megabyte at a time.
    public func encode(_ result: ScanResult, options: ReportOptions, into output: ([UInt8]) -> Void) {
        let context = ReportContext(result, options: options)
        let text = FindingText(paths: context.paths)
        let bySuite = Dictionary(grouping: context.evaluations.indices) { position in
            let reported = context.evaluations[position]
            return context.accountJudged(by: reported.rule) ?? reported.resource.document
        }
        var suites = context.documents.map { document in
            suite(
                document, file: context.file(ofDocument: document), rules: context.result.rules.filter { context.accountJudged(by: $0) == nil },
                positions: bySuite[document] ?? [], context: context)
        }
        let accountRules = context.result.rules.filter { context.accountJudged(by: $0) != nil }
        if let account = context.result.accountDocument, !accountRules.isEmpty {
            suites.append(suite(account, file: nil, rules: accountRules, positions: bySuite[account] ?? [], context: context))
        }

        let writer = XMLWriter()
        writer.element("testsuites", attributes: [
            "name": "tenet",
            "tests": String(suites.reduce(0) { $0 + $1.cases.count }),
            "failures": String(suites.reduce(0) { $0 + $1.count(of: .failure) }),
            "errors": String(suites.reduce(0) { $0 + $1.count(of: .error) }),
        ]) {
            for suite in suites {
                write(suite, to: writer, withLocations: !options.junitNoLocations, context: context, text: text) {
                    if writer.pendingByteCount >= 1 << 20 { output(writer.takeWritten()) }
                }
            }
        }
        output(writer.finish())
    }

    /// The suite of a file, or of a document that is none (the account pseudo-document, a live
    /// collection of the account's resources) and has no `file` to fall back on.
    private func suite(_ document: String, file: String?, rules: [ScannedRule], positions: [Int], context: ReportContext) -> JUnitSuite {
        let evaluations = context.evaluations
        let failOnInsufficientData = context.options.policy.failOnInsufficientData
        let byRule = Dictionary(grouping: positions) { evaluations[$0].rule.id }
        var names = UniqueNames()
        var cases: [JUnitCase] = []
        let scope = file == nil ? "account" : "file"

        for rule in rules {
            let ruleEvaluations = byRule[rule.id] ?? []
            let listed = ruleEvaluations.filter { context.options.junitAll || evaluations[$0].disposition.isListedByDefault }
            for position in listed {
                let reported = evaluations[position]
                cases.append(JUnitCase(
                    name: names.claim("\(rule.id) \(reported.resourceName)"), subject: .evaluation(position),
                    kind: JUnitCase.kind(of: reported.disposition, failOnInsufficientData: failOnInsufficientData)))
            }
            func summary(_ name: String, _ outcome: JUnitCase.Outcome) {
                cases.append(JUnitCase(name: names.claim(name), subject: .summary(outcome), kind: outcome.kind))
            }
            guard !context.options.junitAll else {
                if ruleEvaluations.isEmpty {
                    summary("\(rule.id): applied to no resource", .skipped(message: "no resource of this \(scope) is of the rule's types"))
                }
                continue
            }
            let compliant = ruleEvaluations.count { evaluations[$0].disposition == .compliant }
            let notApplicable = ruleEvaluations.count { evaluations[$0].disposition == .notApplicable }
            if compliant > 0 {
                summary("\(rule.id): \(compliant) resource\(compliant == 1 ? "" : "s") compliant", .passed)
            } else if listed.isEmpty {
                let message = notApplicable > 0
                    ? "not applicable to the \(scope)'s \(notApplicable) resource\(notApplicable == 1 ? "" : "s") of the rule's types"
                    : "no resource of this \(scope) is of the rule's types"
                summary("\(rule.id): applied to no resource", .skipped(message: message))
            }
        }
        let name = context.paths.display(document)
        return JUnitSuite(name: name, classname: JUnitCase.classname(forFile: name), file: file.map(context.paths.display), cases: cases)
    }

    /// A planned case's outcome, with the message and details rendered from its evaluation, and
    /// the node it points at.
    private static func outcome(of testCase: JUnitCase, context: ReportContext, text: FindingText) -> (outcome: JUnitCase.Outcome, location: FileLocation?) {
        let position: Int
        switch testCase.subject {
        case .summary(let outcome): return (outcome, nil)
        case .evaluation(let evaluation): position = evaluation
        }
        let reported = context.evaluations[position]
        let headline = text.headline(reported)
        let outcome: JUnitCase.Outcome = switch testCase.kind {
        case .passed: .passed
        case .failure: .failure(message: headline, type: reported.rule.id, details: text.details(reported))
        case .error: .error(message: headline, type: reported.evaluation.state.rawValue, details: text.details(reported))
        case .skipped:
            reported.disposition == .suppressed
                ? .skipped(message: "\(headline) — \(text.suppressionSummary(reported.evaluation.suppression!))") : .skipped(message: headline)
        }
        return (outcome, reported.location)
    }

    /// `caseWritten` runs after each case, for the caller to take what the writer holds.
    private func write(
        _ suite: JUnitSuite, to writer: XMLWriter, withLocations: Bool, context: ReportContext, text: FindingText, caseWritten: () -> Void
    ) {
        writer.element("testsuite", attributes: [
            "name": suite.name,
            "tests": String(suite.cases.count),
            "failures": String(suite.count(of: .failure)),
            "errors": String(suite.count(of: .error)),
            "skipped": String(suite.count(of: .skipped)),
        ]) {
            ParallelChunks.map(count: suite.cases.count, { range in
                range.map { (name: suite.cases[$0].name, Self.outcome(of: suite.cases[$0], context: context, text: text)) }
            }, inOrder: { rendered in
                for (name, (outcome, location)) in rendered {
                    writer.startElement("testcase")
                    writer.attribute("name", name)
                    writer.attribute("classname", suite.classname)
                    if withLocations {
                        if let file = location.map({ context.paths.display($0.file) }) ?? suite.file { writer.attribute("file", file) }
                        if let line = location?.line { writer.attribute("line", String(line)) }
                    }
                    switch outcome {
                    case .passed:
                        break
                    case .failure(let message, let type, let details):
                        writer.element("failure", attributes: ["message": message, "type": type]) { writer.cdata(details) }
                    case .error(let message, let type, let details):
                        writer.element("error", attributes: ["message": message, "type": type]) { writer.cdata(details) }
                    case .skipped(let message):
                        writer.element("skipped", attributes: ["message": message])
                    }
                    writer.endElement()
                    caseWritten()
                }
            })
        }
    }
}

/// One `<testsuite>`: a scanned file, or the account judged over all templates, and its test cases.
private struct JUnitSuite: Sendable {
    let name: String
    /// Every case's `classname`: the suite's file.
    let classname: String
    /// The `file` of cases no node locates: the suite's file, when it is one.
    let file: String?
    let cases: [JUnitCase]

    func count(of kind: JUnitCase.Kind) -> Int {
        cases.count { $0.kind == kind }
    }
}

/// One `<testcase>` as planned: its name, what it reports, and its kind, which the counts need
/// before any case is written.
private struct JUnitCase: Sendable {
    enum Kind { case passed, failure, error, skipped }

    enum Outcome: Sendable {
        case passed
        case failure(message: String, type: String, details: String)
        case error(message: String, type: String, details: String)
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

    enum Subject: Sendable {
        /// One (rule, resource) pair, by its position in the report's evaluations: rendered only
        /// as it is written.
        case evaluation(Int)
        /// The rule's resources of the suite as a whole (compliant, or none it applied to).
        case summary(Outcome)
    }

    let name: String
    let subject: Subject
    let kind: Kind

    /// Insufficient data is an error only when it fails the run; suppressed findings and
    /// not-applicables are skipped.
    static func kind(of disposition: Disposition, failOnInsufficientData: Bool) -> Kind {
        switch disposition {
        case .violation: .failure
        case .error: .error
        case .insufficientData: failOnInsufficientData ? .error : .skipped
        case .suppressed, .notApplicable: .skipped
        case .compliant: .passed
        }
    }

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
