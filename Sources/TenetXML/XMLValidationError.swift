/// One way a document breaks a schema, as libxml2's schema validator words it.
///
/// Schema errors point at an element, not a character, so there is a line but no column.
public struct XMLValidationError: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line of the offending node in the validated document; 0 when libxml2 gave none.
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
