import TenetScan

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which the
/// runner turns into annotations on the pull request's diff.
///
/// What fails the run is an `error`; an open finding that does not (below `--fail-on`, or known
/// to the baseline) and data the collector lacked are `warning`s; suppressed findings are
/// `notice`s that say who accepted them, until when and why. Passes print nothing.
public struct GitHubAnnotationsEncoder: ReportEncoder {
    public init() {}

    /// Commands are made in parallel chunks and handed on in order, one per listed verdict.
    public func encode(_ result: ScanResult, options: ReportOptions, into write: ([UInt8]) -> Void) {
        let context = ReportContext(result, options: options)
        let text = FindingText(paths: context.paths)
        ParallelChunks.encode(count: context.evaluations.count, into: write) { range in
            var output = ""
            for reported in context.evaluations[range] where reported.disposition.isListedByDefault {
                output += Self.command(reported, paths: context.paths, text: text)
            }
            return Array(output.utf8)
        }
    }

    private static func command(_ reported: ReportedEvaluation, paths: ReportPaths, text: FindingText) -> String {
        var properties: [(String, String)] = []
        if let location = reported.location {
            properties.append(("file", paths.display(location.file)))
            properties.append(("line", String(location.line)))
            properties.append(("col", String(location.column)))
        }
        properties.append(("title", "\(reported.rule.id) (\(reported.severity.rawValue))"))
        var message = "\(reported.resourceName): \(text.headline(reported))"
        if let suppression = reported.evaluation.suppression {
            message += "\n" + text.suppressionSummary(suppression)
        } else if reported.disposition == .violation, let remediation = reported.rule.metadata?.remediation {
            message += "\nFix: " + remediation
        }
        let command = reported.failsRun ? "error" : reported.disposition == .suppressed ? "notice" : "warning"
        let renderedProperties = properties.map { "\($0)=\(escapeProperty($1))" }.joined(separator: ",")
        return "::\(command) \(renderedProperties)::\(escapeData(message))\n"
    }

    /// The runner's escaping for a command's message (actions/toolkit `escapeData`).
    static func escapeData(_ text: String) -> String {
        percentEncoding(text, of: isEscapedInData)
    }

    /// Property values also escape the `:` and `,` that delimit them (actions/toolkit `escapeProperty`).
    static func escapeProperty(_ text: String) -> String {
        percentEncoding(text) { isEscapedInData($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",") }
    }

    private static func isEscapedInData(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "%") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    /// Both escapings write a character as `%` and its two hex digits, and every character they
    /// escape is ASCII, so the work is done on UTF-8 bytes, which pass through untouched; a text
    /// with nothing to escape, as most are, is returned as it is. Going character by character
    /// through a String cost more than the rest of a large run's report.
    private static func percentEncoding(_ text: String, of escaped: (UInt8) -> Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: escaped) else { return nil }
            let hexDigits = Array("0123456789ABCDEF".utf8)
            var encoded: [UInt8] = []
            encoded.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if escaped(byte) {
                    encoded += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                } else {
                    encoded.append(byte)
                }
            }
            return String(decoding: encoded, as: UTF8.self)
        } ?? text
    }
}
