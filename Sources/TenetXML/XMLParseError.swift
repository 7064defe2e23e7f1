/// Why a document could not be read, located where libxml2 stopped.
///
/// TenetXML stays a leaf target, so it cannot throw the repository's `Diagnostic`; callers that
/// have a file name convert this into one, keeping libxml2's wording and position.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based; 0 when libxml2 reported no position (for example, a document too large to hand it).
    public let line: Int
    /// 1-based; 0 when libxml2 reported no position.
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
