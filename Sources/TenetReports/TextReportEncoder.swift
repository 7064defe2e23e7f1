import TenetDocument
import TenetRules
import TenetScan

/// The report for people: findings grouped by file and resource, each failing check drawn as a
/// diagnostic (location, source line, caret) with the rule's fix, then a summary.
///
/// Findings are rendered by `DiagnosticRenderer`, the one renderer every `tenet` diagnostic goes
/// through, so a violation looks like a parse error and colour follows the same rules. Passes
/// and not-applicables are counted in the summary and listed only with `verbose`.
public struct TextReportEncoder: ReportEncoder {
    public init() {}

    public func encode(_ result: ScanResult, options: ReportOptions, into write: ([UInt8]) -> Void) {
        TextReportWriter(context: ReportContext(result, options: options)).report(into: write)
    }
}

/// One text report being written.
private struct TextReportWriter: Sendable {
    let context: ReportContext
    let text: FindingText
    let renderer: DiagnosticRenderer
    let style: TerminalStyle
    /// The evaluations in the order the report prints them.
    let groups: [ReportContext.DocumentGroup]
    let fixes: FixNotes
    let messages: MessageLines

    init(context: ReportContext) {
        self.context = context
        text = FindingText(paths: context.paths)
        renderer = DiagnosticRenderer(useColor: context.options.colour)
        style = TerminalStyle(enabled: context.options.colour)
        groups = context.byDocumentAndResource
        messages = MessageLines(context.evaluations)
        let paths = context.paths
        fixes = FixNotes(groups, of: context.evaluations) { first in
            let location = Self.noteLocation(of: first).map { " at \(Self.shown($0, paths: paths))" } ?? ""
            return "as for \(first.resourceName)\(location) above"
        }
    }

    /// Blocks separated by blank lines: each document's heading and resources, then the summary.
    /// Resources are rendered on all cores a batch at a time and handed on in order, so a run
    /// with a finding on every resource holds one batch of text, not the whole report.
    func report(into write: ([UInt8]) -> Void) {
        for group in groups {
            var headed = false
            for start in stride(from: 0, to: group.resources.count, by: Self.batchSize) {
                let batch = group.resources[start..<min(start + Self.batchSize, group.resources.count)]
                let blocks = batch.concurrentMap(resourceBlock).compactMap { $0 }
                guard !blocks.isEmpty else { continue }
                if !headed {
                    write(Array((style.bold("== \(heading(of: group.document))") + "\n\n").utf8))
                    headed = true
                }
                write(blocks.reduce(into: []) { $0 += $1 })
            }
        }
        write(Array((summary() + "\n").utf8))
    }

    /// Resources rendered together: enough to keep every core busy, few enough to keep the text
    /// held at once small.
    private static let batchSize = 256

    /// A file by its path; a document that is no file by its name and what it is.
    private func heading(of document: String) -> String {
        switch context.result.origin(ofDocument: document) {
        case .file: context.paths.display(document)
        case .live: "\(document) (collected live)"
        case .templatesTogether: "\(document) (all templates together)"
        }
    }

    /// A resource's heading and its listed verdicts, ending in a blank line; nil when nothing
    /// about it is listed. Made as bytes: a large run renders a hundred thousand findings.
    private func resourceBlock(_ group: ReportContext.ResourceGroup) -> [UInt8]? {
        let all = context.evaluations.evaluations
        let listed = group.positions.filter { context.options.verbose || Disposition(all[$0]).isListedByDefault }
        guard let first = listed.first else { return nil }
        var text = Array(style.bold("-- \(context.evaluations[first].resourceName) (\(group.resource.type))").utf8)
        for position in listed {
            let reported = context.evaluations[position]
            switch reported.disposition {
            case .compliant:
                text.append(contentsOf: "\n   ok   \(reported.rule.id): \(reported.rule.title)".utf8)
            case .notApplicable:
                text.append(contentsOf: "\n   n/a  \(reported.rule.id): \(reported.rule.title)".utf8)
            case .violation, .suppressed, .error, .insufficientData:
                for diagnostic in diagnostics(for: reported, at: position) {
                    text.append(UInt8(ascii: "\n"))
                    renderer.render(diagnostic, into: &text)
                }
            }
        }
        text.append(contentsOf: "\n\n".utf8)
        return text
    }

    /// One diagnostic per failing check (one for the resource when there is none), the status,
    /// suppression and fix attached as notes of the last. A check on the resource itself has no
    /// path to name: its location is the resource's.
    private func diagnostics(for reported: ReportedEvaluation, at position: Int) -> [Diagnostic] {
        let evaluation = reported.evaluation
        let severity = diagnosticSeverity(reported)
        let code = DiagnosticCode(reported.rule.id)
        // Suppressed findings were reviewed already: their location is enough, no source quote.
        let quoting = reported.disposition != .suppressed
        let rule = context.evaluations.rules[position]
        var diagnostics = evaluation.checks.map { check in
            diagnostic(
                severity, code, text.checkSummary(check, message: messages.line(check, of: rule)),
                at: check.location ?? reported.resource.location,
                notes: FindingText.shownPath(of: check).map { [note("at \($0)", gutterWidth: 0)] } ?? [], quoting: quoting)
        }
        if diagnostics.isEmpty {
            diagnostics = [diagnostic(severity, code, text.headline(reported), at: reported.location, notes: [], quoting: quoting)]
        }
        let last = diagnostics.count - 1
        let gutterWidth = diagnostics[last].location.map { String($0.line).count } ?? 0
        var notes = [status(reported)]
        if let suppression = evaluation.suppression { notes.append(text.suppressionSummary(suppression)) }
        if let fix = fixes.note(for: reported, at: position) { notes.append(fix) }
        diagnostics[last].notes += notes.map { note($0, gutterWidth: gutterWidth) }
        return diagnostics
    }

    private func diagnostic(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, at location: FileLocation?,
        notes: [Diagnostic], quoting: Bool
    ) -> Diagnostic {
        let shown = location.map { Self.shown($0, paths: context.paths) }
        let sourceLine = quoting ? location.flatMap { context.options.sources.line($0.line, of: $0.file) } : nil
        return Diagnostic(severity, code: code, message: message, location: shown, sourceLine: sourceLine, notes: notes)
    }

    /// Where the notes of a finding are printed: the last diagnostic's location.
    private static func noteLocation(of reported: ReportedEvaluation) -> FileLocation? {
        reported.evaluation.checks.last?.location ?? reported.resource.location
    }

    /// A location with its file as the report names it.
    private static func shown(_ location: FileLocation, paths: ReportPaths) -> FileLocation {
        FileLocation(file: paths.display(location.file), position: location.position)
    }

    /// The renderer prints a note as `<gutter> = note: message` on one line, so the further
    /// lines of a multi-line fix are indented to start under the message.
    private func note(_ message: String, gutterWidth: Int) -> Diagnostic {
        Diagnostic(.note, code: DiagnosticCode("note"), message: Self.indentingFurtherLines(message, by: gutterWidth + " = note: ".count))
    }

    /// Done over bytes, and only for a message that has a line break: every finding has notes,
    /// nearly all of one line. A line break is a `\n` not preceded by `\r`, as a `Character`
    /// comparison sees it (`\r\n` is one `Character`, and is left as it is).
    private static func indentingFurtherLines(_ message: String, by width: Int) -> String {
        guard message.utf8.contains(UInt8(ascii: "\n")) else { return message }
        var message = message
        return message.withUTF8 { bytes in
            var indented: [UInt8] = []
            indented.reserveCapacity(bytes.count + 16 * width)
            var lineStart = 0
            for end in bytes.indices where bytes[end] == UInt8(ascii: "\n") && (end == 0 || bytes[end - 1] != UInt8(ascii: "\r")) {
                indented.append(contentsOf: bytes[lineStart...end])
                indented.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
                lineStart = end + 1
            }
            indented.append(contentsOf: bytes[lineStart...])
            return String(decoding: indented, as: UTF8.self)
        }
    }

    /// Errors for what fails the run, warnings for open findings that do not, notes for what
    /// was accepted.
    private func diagnosticSeverity(_ reported: ReportedEvaluation) -> Diagnostic.Severity {
        if reported.failsRun { return .error }
        return reported.disposition == .suppressed ? .note : .warning
    }

    /// The severity and whether (and why not) the verdict fails the run.
    private func status(_ reported: ReportedEvaluation) -> String {
        var status = "severity \(reported.severity.rawValue), \(reported.evaluation.state.rawValue)"
        if let baseline = reported.evaluation.baseline {
            status += baseline == .new ? ", new since the baseline" : ", already in the baseline"
        }
        if reported.failsRun {
            status += "; fails the run"
        } else {
            switch reported.disposition {
            case .suppressed: status += "; suppressed"
            case .insufficientData: status += "; does not fail the run without --fail-on-insufficient-data"
            case .violation where reported.evaluation.baseline == .persistent: status += "; does not fail the run"
            default: status += "; below the --fail-on threshold (\(context.options.policy.threshold.rawValue))"
            }
        }
        return status
    }

    private func summary() -> String {
        let summary = ReportSummary(context)
        let states = ReportSummary.statesInOrder
        var rows = [["severity"] + states.map(\.rawValue)]
        for severity in ReportSummary.severitiesMostSevereFirst {
            rows.append([severity.rawValue] + states.map { String(summary.count(severity, $0)) })
        }
        rows.append(["total"] + states.map { String(summary.count($0)) })
        var lines = [
            style.bold(
                "Summary: \(Self.counted(summary.rules, "rule")), \(Self.counted(summary.documents, "document")), "
                    + "\(Self.counted(summary.evaluations, "verdict")) (rule × resource"
                    + (summary.accountEvaluations > 0 ? "; \(summary.accountEvaluations) account-level)" : ")")),
        ]
        lines.append(contentsOf: Self.table(rows).map { "  " + $0 })
        lines.append("Suppressed findings: \(summary.suppressed)")
        lines.append(contentsOf: expiredSuppressions())
        if !context.result.fixedFindings.isEmpty {
            lines.append("Fixed since the baseline: \(context.result.fixedFindings.count)")
        }
        lines.append(contentsOf: skippedFiles())
        let threshold = context.options.policy.threshold.rawValue
        if summary.failing == 0 {
            lines.append(style.green("PASSED: no verdict fails the run (--fail-on \(threshold))"))
        } else {
            lines.append(style.red("FAILED: \(summary.failing) verdict\(summary.failing == 1 ? "" : "s") fail the run (--fail-on \(threshold))"))
        }
        return lines.joined(separator: "\n")
    }

    /// Always listed: an owner has to renew or fix each one.
    private func expiredSuppressions() -> [String] {
        let expired = context.result.expiredSuppressions
        guard !expired.isEmpty else { return [] }
        return ["Expired suppressions (no longer suppressing): \(expired.count)"] + expired.map { suppression in
            var line = "  \(suppression.rule)"
            if let resource = suppression.resource { line += " on \(resource)" }
            return line + ": " + text.suppressionSummary(suppression)
        }
    }

    private func skippedFiles() -> [String] {
        let skipped = context.result.skippedFiles
        guard !skipped.isEmpty else { return [] }
        guard context.options.verbose else { return ["Skipped files: \(skipped.count) (listed with --verbose)"] }
        return ["Skipped files: \(skipped.count)"] + skipped.map { "  \(context.paths.display($0.path)): \($0.reason)" }
    }

    /// `1 document`, `2 documents`.
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Left-aligned first column, right-aligned counts.
    private static func table(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }
}

/// ANSI styling for the report's own headings and verdict, off unless the caller asked for
/// colour (the findings themselves are coloured by `DiagnosticRenderer`).
private struct TerminalStyle: Sendable {
    let enabled: Bool

    func bold(_ text: String) -> String { paint(text, "1") }
    func red(_ text: String) -> String { paint(text, "1;31") }
    func green(_ text: String) -> String { paint(text, "1;32") }

    private func paint(_ text: String, _ codes: String) -> String {
        enabled ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }
}
