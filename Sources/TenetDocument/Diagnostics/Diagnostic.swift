/// A problem found in an input, located in its file.
///
/// This is the one error type for bad input across Tenet: loaders, the rule parser and the
/// collectors all throw it, and every command renders it the same way (see `DiagnosticRenderer`).
/// The source line is captured when the diagnostic is made, while the text is at hand, so that
/// rendering never re-reads a file.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var code: DiagnosticCode
    /// What is wrong and what was expected, in one sentence without a trailing period.
    public var message: String
    public var location: FileLocation?
    /// The text of the line at `location`, for drawing a caret under the column.
    public var sourceLine: String?
    /// Further locations that explain this one ("first defined here").
    public var notes: [Diagnostic]

    public init(
        _ severity: Severity = .error, code: DiagnosticCode, message: String, location: FileLocation? = nil,
        sourceLine: String? = nil, notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// The plain one-line form: `file:line:column: error[code]: message`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue)[\(code)]: \(message)"
        return text
    }

    /// Fills in the source lines of this diagnostic and its notes from the text they point into.
    public func withSource(_ source: SourceText) -> Diagnostic {
        var copy = self
        if copy.sourceLine == nil, let location, location.file == source.name {
            copy.sourceLine = source.line(location.line)
        }
        copy.notes = notes.map { $0.withSource(source) }
        return copy
    }
}
