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
        var lines: [String] = []
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code)]"
        lines.append("\(paint(label, diagnostic.severity.colorCode, bold: true))\(paint(":", nil, bold: true)) \(diagnostic.message)")
        if let location = diagnostic.location {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            lines.append("\(gutter)\(paint("-->", 34, bold: true)) \(location)")
            if let source = diagnostic.sourceLine {
                let shown = source.replacingTabs()
                let caretOffset = source.unicodeScalars.prefix(max(location.column - 1, 0))
                    .reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
                lines.append("\(gutter) \(paint("|", 34, bold: true))")
                lines.append("\(paint(number, 34, bold: true)) \(paint("|", 34, bold: true)) \(shown)")
                lines.append("\(gutter) \(paint("|", 34, bold: true)) \(String(repeating: " ", count: caretOffset))\(paint("^", diagnostic.severity.colorCode, bold: true))")
            }
        }
        for note in diagnostic.notes {
            let gutter = String(repeating: " ", count: diagnostic.location.map { String($0.line).count } ?? 0)
            let place = note.location.map { "\($0): " } ?? ""
            lines.append("\(gutter) = \(paint("note", nil, bold: true)): \(place)\(note.message)")
        }
        return lines.joined(separator: "\n")
    }

    private func paint(_ text: String, _ color: Int?, bold: Bool) -> String {
        guard useColor else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let color { codes.append(String(color)) }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
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

extension String {
    fileprivate func replacingTabs() -> String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar == "\t" { result += "    " } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
