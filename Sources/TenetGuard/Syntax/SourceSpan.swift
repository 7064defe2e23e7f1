import TenetDocument

/// Where a piece of rule text stands: its file, its first character, and the text itself.
///
/// Reports quote the clause that failed, so the span keeps the source slice rather than offsets
/// into a file that may no longer be at hand when the report is written.
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var start: SourceLocation
    public var text: String

    public init(file: String, start: SourceLocation, text: String) {
        self.file = file
        self.start = start
        self.text = text
    }

    public var location: FileLocation { FileLocation(file: file, position: start) }

    public var description: String { "\(file):\(start)" }
}
