import Testing
import TenetDocument

/// Loads text the way every test here does: through `DocumentLoader` with an explicit format, so a
/// test names the syntax it means rather than relying on sniffing.
func load(_ text: String, as format: DocumentFormat, limits: LoadLimits = .default) throws(Diagnostic) -> Document {
    try load(Array(text.utf8), as: format, limits: limits)
}

func load(_ bytes: [UInt8], as format: DocumentFormat, limits: LoadLimits = .default) throws(Diagnostic) -> Document {
    try DocumentLoader(limits: limits).load(SourceText(name: format.testFileName, bytes: bytes), as: format)
}

/// The diagnostic a load throws; records a test failure (and returns nil) if it loads instead.
func refusal(
    of bytes: [UInt8], as format: DocumentFormat, limits: LoadLimits = .default,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    refusal(sourceLocation: sourceLocation) { () throws(Diagnostic) in try load(bytes, as: format, limits: limits) }
}

func refusal(ofFileAt path: String, limits: LoadLimits = .default, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    refusal(sourceLocation: sourceLocation) { () throws(Diagnostic) in try DocumentLoader(limits: limits).load(contentsOf: path) }
}

private func refusal(sourceLocation: Testing.SourceLocation, _ loading: () throws(Diagnostic) -> Document) -> Diagnostic? {
    do {
        let document = try loading()
        Issue.record("expected a refusal, but the input loaded with \(document.nodeCount) nodes", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

func refusal(
    of text: String, as format: DocumentFormat, limits: LoadLimits = .default,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    refusal(of: Array(text.utf8), as: format, limits: limits, sourceLocation: sourceLocation)
}

extension DocumentFormat {
    /// The source name of in-memory test input; locations in diagnostics carry it.
    var testFileName: String { "input.\(rawValue)" }
}

extension FileLocation {
    /// A location in in-memory test input of the given format.
    init(_ format: DocumentFormat, _ line: Int, _ column: Int) {
        self.init(file: format.testFileName, line: line, column: column)
    }
}
