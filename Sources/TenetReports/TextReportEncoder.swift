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

/// One text report being written; a class, as every chunk of resources refers to it.
final class TextReportWriter: Sendable {
    let context: ReportContext
    let text: FindingText
    let renderer: DiagnosticRenderer
    let style: TerminalStyle
    /// The evaluations in the order the report prints them.
    let groups: [ReportContext.DocumentGroup]
    let fixes: FixNotes

    init(context: ReportContext) {
        self.context = context
        text = FindingText(paths: context.paths)
        renderer = DiagnosticRenderer(useColor: context.options.colour)
        style = TerminalStyle(enabled: context.options.colour)
        let groups = context.byDocumentAndResource
        self.groups = groups
        let paths = context.paths
        fixes = FixNotes(groups, of: context.evaluations) { first in
            let location = Self.noteLocation(of: first).map { " at \(Self.shown($0, paths: paths))" } ?? ""
            return "as for \(first.resourceName)\(location) above"
        }
    }

    /// Blocks separated by blank lines: each document's heading and resources, then the summary.
    /// Resources are rendered on all cores a chunk at a time, across documents (a run of many
    /// small templates keeps every core busy too), and handed on in order, so a run with a
    /// finding on every resource holds a few chunks of text, not the whole report.
    func report(into write: ([UInt8]) -> Void) {
        let resources = groups.indices.flatMap { document in groups[document].resources.map { (document: document, group: $0) } }
        var headed: Int?
        ParallelChunks.map(count: resources.count, partsPerChunk: Self.resourcesPerChunk, { chunk in
            var blocks = TextResourceBlocks(report: self)
            var texts: [(document: Int, text: [UInt8])] = []
            for resource in resources[chunk] {
                if texts.last?.document != resource.document { texts.append((resource.document, [])) }
                blocks.append(resource.group, to: &texts[texts.count - 1].text)
            }
            return texts
        }, inOrder: { texts in
            for (document, text) in texts where !text.isEmpty {
                if headed != document {
                    write(Array((style.bold("== \(heading(of: groups[document].document))") + "\n\n").utf8))
                    headed = document
                }
                write(text)
            }
        })
        write(Array((summary() + "\n").utf8))
    }

    /// Resources rendered together by one core: a resource's findings are a few kilobytes, and a
    /// window of chunks across the cores is held at once.
    private static let resourcesPerChunk = 128

    /// A file by its path; a document that is no file by its name and what it is.
    private func heading(of document: String) -> String {
        switch context.result.origin(ofDocument: document) {
        case .file: context.paths.display(document)
        case .live: "\(document) (collected live)"
        case .templatesTogether: "\(document) (all templates together)"
        }
    }

    /// Where the notes of a finding are printed: the last diagnostic's location.
    private static func noteLocation(of reported: ReportedEvaluation) -> FileLocation? {
        reported.evaluation.checks.last?.location ?? reported.resource.location
    }

    /// A location with its file as the report names it.
    private static func shown(_ location: FileLocation, paths: ReportPaths) -> FileLocation {
        FileLocation(file: paths.display(location.file), position: location.position)
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
struct TerminalStyle: Sendable {
    let enabled: Bool

    func bold(_ text: String) -> String { paint(text, "1") }
    func red(_ text: String) -> String { paint(text, "1;31") }
    func green(_ text: String) -> String { paint(text, "1;32") }

    private func paint(_ text: String, _ codes: String) -> String {
        enabled ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }
}
