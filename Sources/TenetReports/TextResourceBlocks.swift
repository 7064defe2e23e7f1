import TenetDocument
import TenetScan

/// The text report's blocks of consecutive resources, as one core writes them: each finding
/// appended straight into the chunk's bytes through `DiagnosticRenderer`'s parts, with what the
/// chunk looked up for earlier findings kept at hand.
///
/// A large run has a hundred thousand findings: building a `Diagnostic` for each, with its notes
/// as further diagnostics and its source line and messages as strings, and quoting lines from
/// files shared behind a lock, was most of the report's time.
struct TextResourceBlocks {
    private let report: TextReportWriter
    private var messageLines = MessageLines()
    /// The file the last location pointed into: a chunk's findings nearly all lie in one file.
    private var file: QuotedFile?
    private var drawnClosingNotes: [ClosingNotes: [UInt8]] = [:]

    /// A file's name as the report shows it and its lines, with the locations in it already
    /// drawn: a resource's findings point at few lines (its declaration when a property is
    /// missing), so three diagnostics in four draw a location (` --> file:line:column`, the
    /// quoted line and its caret) drawn before.
    private final class QuotedFile {
        let name: String
        private let shownName: String
        private let sources: SourceLines
        /// Read when a line is first quoted: a file only suppressed findings point into is not.
        private lazy var text = sources.text(of: name)
        private var drawn: [DrawnLocation: [UInt8]] = [:]

        /// What the bytes of a drawn location depend on besides the file.
        private struct DrawnLocation: Hashable {
            let position: SourceLocation
            let severity: Diagnostic.Severity
            let quoting: Bool
        }

        init(_ name: String, of context: ReportContext) {
            self.name = name
            shownName = context.paths.display(name)
            sources = context.options.sources
        }

        /// The location line and, when `quoting`, the line it points at with a caret under the column.
        func location(_ position: SourceLocation, severity: Diagnostic.Severity, quoting: Bool, renderer: DiagnosticRenderer) -> [UInt8] {
            let key = DrawnLocation(position: position, severity: severity, quoting: quoting)
            if let known = drawn[key] { return known }
            var location: [UInt8] = []
            let gutterWidth = DiagnosticRenderer.gutterWidth(of: FileLocation(file: name, position: position))
            renderer.appendLocation(file: shownName, at: position, gutterWidth: gutterWidth, into: &location)
            if quoting, let line = text?.quotedLine(position.line) {
                renderer.appendSourceLine(line, at: position, severity: severity, gutterWidth: gutterWidth, into: &location)
            }
            drawn[key] = location
            return location
        }
    }

    init(report: TextReportWriter) {
        self.report = report
    }

    /// A resource's heading and its listed verdicts, ending in a blank line; nothing when
    /// nothing about it is listed.
    mutating func append(_ group: ReportContext.ResourceGroup, to text: inout [UInt8]) {
        let context = report.context
        let verbose = context.options.verbose
        let listed = context.evaluations.evaluations.withUnsafeBufferPointer { all in
            group.positions.filter { verbose || Disposition(state: all[$0].state, isSuppressed: all[$0].isSuppressed).isListedByDefault }
        }
        guard let first = listed.first else { return }
        text.append(contentsOf: report.style.bold("-- \(context.evaluations[first].resourceName) (\(group.resource.type))").utf8)
        for position in listed {
            let reported = context.evaluations[position]
            switch reported.disposition {
            case .compliant:
                text.append(contentsOf: "\n   ok   \(reported.rule.id): \(reported.rule.title)".utf8)
            case .notApplicable:
                text.append(contentsOf: "\n   n/a  \(reported.rule.id): \(reported.rule.title)".utf8)
            case .violation, .suppressed, .error, .insufficientData:
                appendDiagnostics(reported, at: position, to: &text)
            }
        }
        text.append(contentsOf: "\n\n".utf8)
    }

    /// One diagnostic per failing check (one for the resource when there is none), the status,
    /// suppression and fix as notes of the last. A check on the resource itself has no path to
    /// name: its location is the resource's.
    private mutating func appendDiagnostics(_ reported: ReportedEvaluation, at position: Int, to text: inout [UInt8]) {
        let renderer = report.renderer
        let severity = Self.severity(reported)
        // Suppressed findings were reviewed already: their location is enough, no source quote.
        let quoting = reported.disposition != .suppressed
        var notesLocation = reported.location
        if reported.evaluation.checks.isEmpty {
            text.append(UInt8(ascii: "\n"))
            renderer.appendHeadline(severity, code: DiagnosticCode(reported.rule.id), into: &text) {
                $0.append(contentsOf: report.text.headline(reported).utf8)
            }
            appendLocation(notesLocation, severity: severity, quoting: quoting, to: &text)
        }
        // Each check is read in place, a part at a time, through the buffer: a check passed whole
        // would be copied.
        reported.evaluation.checks.withUnsafeBufferPointer { checks in
            for index in checks.indices {
                let location = checks[index].location ?? reported.resource.location
                text.append(UInt8(ascii: "\n"))
                messageLines.appendHeadline(
                    message: checks[index].message, reason: { checks[index].reason }, of: reported.described, severity: severity,
                    renderer: renderer, to: &text)
                FindingText.appendComparisonAndDependency(
                    found: checks[index].found, expected: checks[index].expected, dependency: checks[index].unresolvedDependency, to: &text)
                appendLocation(location, severity: severity, quoting: quoting, to: &text)
                if let path = FindingText.shownPath(checks[index].propertyPath) {
                    renderer.appendNote(gutterWidth: DiagnosticRenderer.gutterWidth(of: location), into: &text) { text in
                        text.append(contentsOf: "at ".utf8)
                        path.append(to: &text)
                    }
                }
                notesLocation = location
            }
        }
        let gutterWidth = DiagnosticRenderer.gutterWidth(of: notesLocation)
        let fix = report.fixes.fix(for: reported, at: position)
        guard reported.evaluation.isSuppressed || fix?.isReference == false else {
            return text.append(contentsOf: closingNotes(of: reported, gutterWidth: gutterWidth, fixReference: fix))
        }
        renderer.appendNote(gutterWidth: gutterWidth, into: &text) { appendStatus(reported, to: &$0) }
        if let suppression = reported.evaluation.suppression {
            renderer.appendNote(gutterWidth: gutterWidth, into: &text) { $0.append(contentsOf: report.text.suppressionSummary(suppression).utf8) }
        }
        if let fix {
            appendFixNote(fix.text, gutterWidth: gutterWidth, to: &text)
        }
    }

    /// The status note and the fix note pointing back to the rule's first violation, which end
    /// nearly every finding: the same for all findings of a rule with the same status, drawn once.
    private mutating func closingNotes(of reported: ReportedEvaluation, gutterWidth: Int, fixReference: FixNotes.Fix?) -> [UInt8] {
        let key = ClosingNotes(
            rule: ObjectIdentifier(reported.described), gutterWidth: gutterWidth, disposition: reported.disposition,
            failsRun: reported.failsRun, baseline: reported.evaluation.baseline)
        if let known = drawnClosingNotes[key] { return known }
        var notes: [UInt8] = []
        report.renderer.appendNote(gutterWidth: gutterWidth, into: &notes) { appendStatus(reported, to: &$0) }
        if let fixReference { appendFixNote(fixReference.text, gutterWidth: gutterWidth, to: &notes) }
        drawnClosingNotes[key] = notes
        return notes
    }

    /// What the closing notes depend on besides the policy, which is the report's: whether a fix
    /// reference follows is the rule's, as only its first violation shows the fix in full.
    private struct ClosingNotes: Hashable {
        let rule: ObjectIdentifier
        let gutterWidth: Int
        let disposition: Disposition
        let failsRun: Bool
        let baseline: BaselineClass?
    }

    private func appendFixNote(_ fix: String, gutterWidth: Int, to text: inout [UInt8]) {
        report.renderer.appendNote(gutterWidth: gutterWidth, into: &text) { text in
            text.append(contentsOf: "fix: ".utf8)
            text.append(contentsOf: fix.utf8)
        }
    }

    /// The location line with the file as the report names it and, when `quoting`, the line
    /// it points at; nothing for a finding with no location.
    private mutating func appendLocation(_ location: FileLocation?, severity: Diagnostic.Severity, quoting: Bool, to text: inout [UInt8]) {
        guard let location else { return }
        let file = file.flatMap { $0.name == location.file ? $0 : nil } ?? QuotedFile(location.file, of: report.context)
        self.file = file
        text.append(contentsOf: file.location(location.position, severity: severity, quoting: quoting, renderer: report.renderer))
    }

    /// Errors for what fails the run, warnings for open findings that do not, notes for what
    /// was accepted.
    private static func severity(_ reported: ReportedEvaluation) -> Diagnostic.Severity {
        if reported.failsRun { return .error }
        return reported.disposition == .suppressed ? .note : .warning
    }

    /// The severity and whether (and why not) the verdict fails the run.
    private func appendStatus(_ reported: ReportedEvaluation, to text: inout [UInt8]) {
        text.append(contentsOf: "severity ".utf8)
        text.append(contentsOf: reported.severity.rawValue.utf8)
        text.append(contentsOf: ", ".utf8)
        text.append(contentsOf: reported.evaluation.state.rawValue.utf8)
        if let baseline = reported.evaluation.baseline {
            text.append(contentsOf: (baseline == .new ? ", new since the baseline" : ", already in the baseline").utf8)
        }
        if reported.failsRun {
            text.append(contentsOf: "; fails the run".utf8)
            return
        }
        switch reported.disposition {
        case .suppressed: text.append(contentsOf: "; suppressed".utf8)
        case .insufficientData: text.append(contentsOf: "; does not fail the run without --fail-on-insufficient-data".utf8)
        case .violation where reported.evaluation.baseline == .persistent: text.append(contentsOf: "; does not fail the run".utf8)
        default:
            text.append(contentsOf: "; below the --fail-on threshold (".utf8)
            text.append(contentsOf: report.context.options.policy.threshold.rawValue.utf8)
            text.append(UInt8(ascii: ")"))
        }
    }
}
