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
            output += row([
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
            ]).utf8
        }
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Quoted when RFC 4180 requires it. A cell a spreadsheet would run as a formula (`=`, `+`,
    /// `-`, `@` first, from a template's own strings) gets a leading `'`, which spreadsheets
    /// show as text; numbers such as `-1` are left alone.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return value }
        // Over bytes rather than `Character`s: a large run quotes most of its rows' messages,
        // and a character walk cost CSV more than the rest of its report.
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for byte in value.utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }
}
