import Foundation
import TenetScan

/// CSV for spreadsheets (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break): one row per failing check, and one per listed verdict without
/// checks. Passes and not-applicables get a row only with `verbose`, as in the text report.
public struct CSVReportEncoder: ReportEncoder {
    static let header = [
        "file", "line", "column", "document", "resource", "resource_type", "rule", "rule_title", "severity", "state",
        "fails_run", "property_path", "message", "found", "expected", "unresolved_dependency", "suppression_owner",
        "suppression_reason", "suppression_expires", "baseline", "fingerprint",
    ]

    public init() {}

    /// Rows are made in parallel chunks and handed on in order: a large run has a row for nearly
    /// every resource and rule.
    public func encode(_ result: ScanResult, options: ReportOptions, into write: ([UInt8]) -> Void) {
        let context = ReportContext(result, options: options)
        write(Array(Self.row(Self.header).utf8))
        ParallelChunks.encode(count: context.evaluations.count, into: write) { range in
            var output: [UInt8] = []
            for reported in context.evaluations[range] where options.verbose || reported.disposition.isListedByDefault {
                Self.rows(reported, paths: context.paths, into: &output)
            }
            return output
        }
    }

    /// One row per failing check, or one for a verdict without checks.
    private static func rows(_ reported: ReportedEvaluation, paths: ReportPaths, into output: inout [UInt8]) {
        let evaluation = reported.evaluation
        let checks: [FailingCheck?] = evaluation.checks.isEmpty ? [nil] : evaluation.checks
        for check in checks {
            let location = check?.location ?? reported.resource.location
            appendRow([
                location.map { paths.display($0.file) } ?? "",
                location.map { String($0.line) } ?? "",
                location.map { String($0.column) } ?? "",
                paths.display(reported.resource.document),
                reported.resourceName,
                reported.resource.type.rawValue,
                reported.rule.id,
                reported.rule.title,
                reported.severity.rawValue,
                evaluation.suppression == nil ? evaluation.state.rawValue : "SUPPRESSED",
                reported.failsRun ? "true" : "false",
                check?.propertyPath?.description ?? "",
                check.map(FindingText.message(of:)) ?? evaluation.detail ?? "",
                check?.found.map(FindingText.valueText) ?? "",
                check?.expected.map(FindingText.valueText) ?? "",
                check?.unresolvedDependency ?? "",
                evaluation.suppression?.owner ?? "",
                evaluation.suppression?.reason ?? "",
                evaluation.suppression?.expires.map(FindingText.timestamp) ?? "",
                evaluation.baseline?.rawValue ?? "",
                evaluation.state == .nonCompliant ? evaluation.fingerprint.rawValue : "",
            ], to: &output)
        }
    }

    public static func row(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        appendRow(fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Straight into the report's bytes: a large run writes a row for nearly every resource and
    /// rule, and joining each row as a String first cost a fifth of the run.
    static func appendRow(_ fields: [String], to output: inout [UInt8]) {
        for (index, value) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendField(value, to: &output)
        }
        output += [0x0D, 0x0A]
    }

    /// Quoted when RFC 4180 requires it. A cell a spreadsheet would run as a formula (`=`, `+`,
    /// `-`, `@` first, from a template's own strings) gets a leading `'`, which spreadsheets
    /// show as text; numbers such as `-1` are left alone. Over bytes rather than `Character`s:
    /// a large run quotes most of its rows' messages.
    static func appendField(_ value: String, to output: inout [UInt8]) {
        let bytes = value.utf8
        // The byte test first: the first Character (a grapheme, costlier to find) decides only
        // when the first byte could start a formula.
        let guarded = bytes.first.map { "=+-@\t\r".utf8.contains($0) } == true
            && value.first.map { "=+-@\t\r".contains($0) } == true && Double(value) == nil
        let quoted = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quoted { output.append(UInt8(ascii: "\"")) }
        if guarded { output.append(UInt8(ascii: "'")) }
        if quoted, bytes.contains(UInt8(ascii: "\"")) {
            for byte in bytes {
                output.append(byte)
                if byte == UInt8(ascii: "\"") { output.append(byte) }
            }
        } else {
            output.append(contentsOf: bytes)
        }
        if quoted { output.append(UInt8(ascii: "\"")) }
    }
}
