/// Renders diagnostics for a terminal: the location, the message, the source line and a caret.
///
/// ```
/// error[yaml.duplicate-key]: duplicate key 'Bucket' in this mapping
///   --> template.yaml:12:3
///    |
/// 12 |   Bucket:
///    |   ^
///    = note: template.yaml:5:3: 'Bucket' was first defined here
/// ```
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    /// Colour only when writing to a terminal, and never when `NO_COLOR` is set (no-color.org).
    public static func forStandardError(environment: [String: String], isTerminal: Bool) -> DiagnosticRenderer {
        DiagnosticRenderer(useColor: colourAllowed(environment: environment, isTerminal: isTerminal))
    }

    /// The one colour rule of every `tenet` output: a terminal that can show it (not
    /// `TERM=dumb`), and no `NO_COLOR` (set and not empty, as no-color.org says).
    public static func colourAllowed(environment: [String: String], isTerminal: Bool) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var text: [UInt8] = []
        render(diagnostic, into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The same text, without a final newline, appended to `text`: a report renders a diagnostic
    /// for each of a hundred thousand findings, and appending bytes costs a fraction of building
    /// every line as a `String` and joining them.
    public func render(_ diagnostic: Diagnostic, into text: inout [UInt8]) {
        let gutterWidth = diagnostic.location.map { String($0.line).utf8.count } ?? 0
        paint(diagnostic.severity.colorCode, bold: true, into: &text) { text in
            text.append(contentsOf: diagnostic.severity.rawValue.utf8)
            text.append(UInt8(ascii: "["))
            text.append(contentsOf: diagnostic.code.rawValue.utf8)
            text.append(UInt8(ascii: "]"))
        }
        paint(":", nil, bold: true, into: &text)
        text.append(UInt8(ascii: " "))
        text.append(contentsOf: diagnostic.message.utf8)
        if let location = diagnostic.location {
            text.append(UInt8(ascii: "\n"))
            Self.pad(gutterWidth, into: &text)
            paint("-->", 34, bold: true, into: &text)
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: location.description.utf8)
            if let source = diagnostic.sourceLine {
                let caretOffset = source.unicodeScalars.prefix(max(location.column - 1, 0))
                    .reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
                text.append(UInt8(ascii: "\n"))
                Self.pad(gutterWidth + 1, into: &text)
                paint("|", 34, bold: true, into: &text)
                text.append(UInt8(ascii: "\n"))
                paint(String(location.line), 34, bold: true, into: &text)
                text.append(UInt8(ascii: " "))
                paint("|", 34, bold: true, into: &text)
                text.append(UInt8(ascii: " "))
                Self.appendReplacingTabs(source, to: &text)
                text.append(UInt8(ascii: "\n"))
                Self.pad(gutterWidth + 1, into: &text)
                paint("|", 34, bold: true, into: &text)
                Self.pad(caretOffset + 1, into: &text)
                paint("^", diagnostic.severity.colorCode, bold: true, into: &text)
            }
        }
        for note in diagnostic.notes {
            text.append(UInt8(ascii: "\n"))
            Self.pad(gutterWidth + 1, into: &text)
            text.append(contentsOf: "= ".utf8)
            paint("note", nil, bold: true, into: &text)
            text.append(contentsOf: ": ".utf8)
            if let location = note.location {
                text.append(contentsOf: location.description.utf8)
                text.append(contentsOf: ": ".utf8)
            }
            text.append(contentsOf: note.message.utf8)
        }
    }

    private func paint(_ word: String, _ color: Int?, bold: Bool, into text: inout [UInt8]) {
        paint(color, bold: bold, into: &text) { $0.append(contentsOf: word.utf8) }
    }

    /// What `body` appends, in colour when the renderer uses it; made in place, as a word built
    /// first would be a string made and dropped for every diagnostic.
    private func paint(_ color: Int?, bold: Bool, into text: inout [UInt8], _ body: (inout [UInt8]) -> Void) {
        guard useColor else { return body(&text) }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let color { codes.append(String(color)) }
        text.append(contentsOf: "\u{1B}[\(codes.joined(separator: ";"))m".utf8)
        body(&text)
        text.append(contentsOf: "\u{1B}[0m".utf8)
    }

    /// A tab is shown as four spaces, so the caret counted in the same units lines up. A tab byte
    /// is never part of a longer UTF-8 sequence, so the bytes can be copied as they are.
    private static func appendReplacingTabs(_ line: String, to text: inout [UInt8]) {
        for byte in line.utf8 {
            if byte == UInt8(ascii: "\t") { pad(4, into: &text) } else { text.append(byte) }
        }
    }

    private static func pad(_ count: Int, into text: inout [UInt8]) {
        text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }
}

extension Diagnostic.Severity {
    fileprivate var colorCode: Int {
        switch self {
        case .error: 31
        case .warning: 33
        case .note: 36
        }
    }
}
