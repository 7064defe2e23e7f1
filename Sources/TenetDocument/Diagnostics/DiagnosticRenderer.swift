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
        let gutterWidth = Self.gutterWidth(of: diagnostic.location)
        appendHeadline(diagnostic.severity, code: diagnostic.code, into: &text) { $0.append(contentsOf: diagnostic.message.utf8) }
        if let location = diagnostic.location {
            appendLocation(file: location.file, at: location.position, gutterWidth: gutterWidth, into: &text)
            if let source = diagnostic.sourceLine {
                appendSourceLine(Array(source.utf8)[...], at: location.position, severity: diagnostic.severity, gutterWidth: gutterWidth, into: &text)
            }
        }
        for note in diagnostic.notes {
            appendNote(gutterWidth: gutterWidth, into: &text) { text in
                if let location = note.location {
                    text.append(contentsOf: location.description.utf8)
                    text.append(contentsOf: ": ".utf8)
                }
                text.append(contentsOf: note.message.utf8)
            }
        }
    }

    // The parts of a diagnostic, in the order `render` appends them. A caller that holds a
    // diagnostic's parts rather than a `Diagnostic` (the text report, a hundred thousand findings)
    // appends them itself, so the shape is defined here once for both.

    /// The width of the line numbers' gutter: the digits of the line the diagnostic points at.
    public static func gutterWidth(of location: FileLocation?) -> Int {
        location.map { decimalWidth($0.line) } ?? 0
    }

    /// `error[code]: ` and the message `message` appends.
    public func appendHeadline(_ severity: Diagnostic.Severity, code: DiagnosticCode, into text: inout [UInt8], _ message: (inout [UInt8]) -> Void) {
        paint(severity.colorCode, bold: true, into: &text) { text in
            text.append(contentsOf: severity.rawValue.utf8)
            text.append(UInt8(ascii: "["))
            text.append(contentsOf: code.rawValue.utf8)
            text.append(UInt8(ascii: "]"))
        }
        paint(":", nil, bold: true, into: &text)
        text.append(UInt8(ascii: " "))
        message(&text)
    }

    /// The location line, ` --> file:line:column`, on a line of its own.
    public func appendLocation(file: String, at position: SourceLocation, gutterWidth: Int, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "\n"))
        text.appendSpaces(gutterWidth)
        paint("-->", 34, bold: true, into: &text)
        text.append(UInt8(ascii: " "))
        text.append(contentsOf: file.utf8)
        text.append(UInt8(ascii: ":"))
        text.appendDecimal(position.line)
        text.append(UInt8(ascii: ":"))
        text.appendDecimal(position.column)
    }

    /// The quoted line under the location, in valid UTF-8, with a caret under the column.
    public func appendSourceLine(
        _ source: ArraySlice<UInt8>, at position: SourceLocation, severity: Diagnostic.Severity, gutterWidth: Int, into text: inout [UInt8]
    ) {
        text.append(UInt8(ascii: "\n"))
        text.appendSpaces(gutterWidth + 1)
        paint("|", 34, bold: true, into: &text)
        text.append(UInt8(ascii: "\n"))
        paint(34, bold: true, into: &text) { $0.appendDecimal(position.line) }
        text.append(UInt8(ascii: " "))
        paint("|", 34, bold: true, into: &text)
        text.append(UInt8(ascii: " "))
        Self.appendReplacingTabs(source, to: &text)
        text.append(UInt8(ascii: "\n"))
        text.appendSpaces(gutterWidth + 1)
        paint("|", 34, bold: true, into: &text)
        text.appendSpaces(Self.caretOffset(in: source, column: position.column) + 1)
        paint("^", severity.colorCode, bold: true, into: &text)
    }

    /// ` = note: ` and the message `message` appends. The note is one line of the gutter, so the
    /// further lines of a multi-line message (a fix with an example) are indented to start under
    /// its first.
    public func appendNote(gutterWidth: Int, into text: inout [UInt8], _ message: (inout [UInt8]) -> Void) {
        text.append(UInt8(ascii: "\n"))
        text.appendSpaces(gutterWidth + 1)
        text.append(contentsOf: "= ".utf8)
        paint("note", nil, bold: true, into: &text)
        text.append(contentsOf: ": ".utf8)
        let messageStart = text.count
        message(&text)
        Self.indentFurtherLines(of: &text, from: messageStart, by: gutterWidth + " = note: ".utf8.count)
    }

    /// A line break is a `\n` not preceded by `\r`, as a `Character` comparison sees it (`\r\n`
    /// is one `Character`, and is left as it is). Nearly every note is one line: it is only
    /// searched for a break.
    private static func indentFurtherLines(of text: inout [UInt8], from start: Int, by width: Int) {
        guard text[start...].withUnsafeBufferPointer({ $0.contains(UInt8(ascii: "\n")) }) else { return }
        var indented: [UInt8] = []
        indented.reserveCapacity(text.count - start + 16 * width)
        var lineStart = start
        for end in start..<text.count where text[end] == UInt8(ascii: "\n") && (end == 0 || text[end - 1] != UInt8(ascii: "\r")) {
            indented.append(contentsOf: text[lineStart...end])
            indented.appendSpaces(width)
            lineStart = end + 1
        }
        indented.append(contentsOf: text[lineStart...])
        text.replaceSubrange(start..<text.count, with: indented)
    }

    /// The characters of `String(value)`, counted without making it: a report takes the gutter's
    /// width of each of a hundred thousand locations.
    private static func decimalWidth(_ value: Int) -> Int {
        var width = value < 0 ? 2 : 1
        var rest = value.magnitude
        while rest >= 10 {
            width += 1
            rest /= 10
        }
        return width
    }

    /// Columns count Unicode scalars, and a tab is shown as four spaces.
    private static func caretOffset(in source: ArraySlice<UInt8>, column: Int) -> Int {
        var offset = 0
        var scalars = 0
        for byte in source where byte & 0xC0 != 0x80 {
            guard scalars < column - 1 else { break }
            scalars += 1
            offset += byte == UInt8(ascii: "\t") ? 4 : 1
        }
        return offset
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
    private static func appendReplacingTabs(_ line: ArraySlice<UInt8>, to text: inout [UInt8]) {
        guard line.contains(UInt8(ascii: "\t")) else { return text.append(contentsOf: line) }
        for byte in line {
            if byte == UInt8(ascii: "\t") { text.appendSpaces(4) } else { text.append(byte) }
        }
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
