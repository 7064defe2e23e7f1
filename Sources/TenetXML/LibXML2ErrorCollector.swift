internal import CLibXML2

/// Gathers the structured errors libxml2 reports for one parse or one validation.
///
/// Each operation gets its own collector, handed to libxml2 as the context's user data, so errors
/// never go through libxml2's process-wide handlers or "last error" and parallel parses cannot
/// see each other's failures. Warnings are not collected: they never make a document unusable.
final class LibXML2ErrorCollector {
    private(set) var errors: [XMLParseError] = []

    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
        record(line: Int(error.line), column: Int(error.int2), message: message)
    }

    func record(line: Int, column: Int, message: String) {
        let trimmed = message.trimmingTrailingNewlines()
        errors.append(XMLParseError(line: max(line, 0), column: max(column, 0), message: trimmed))
    }

    /// A pointer to hand libxml2 as callback user data; the caller keeps the collector alive
    /// (`withExtendedLifetime`) for as long as libxml2 may call back.
    var userData: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The collector behind a pointer made by ``userData``.
    static func from(userData: UnsafeMutableRawPointer) -> LibXML2ErrorCollector {
        Unmanaged<LibXML2ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var result = Substring(self)
        while let last = result.last, last.isNewline { result.removeLast() }
        return String(result)
    }
}
