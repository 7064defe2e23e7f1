/// A 1-based position in a source file.
///
/// Columns count Unicode scalars rather than bytes, as libyaml does, so that a caret drawn under a
/// column lines up with the character a person sees in their editor.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A location inside a named file, the unit every diagnostic and report points at.
public struct FileLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var position: SourceLocation

    public init(file: String, position: SourceLocation) {
        self.file = file
        self.position = position
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: file, position: SourceLocation(line: line, column: column))
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    public var description: String { "\(file):\(position.line):\(position.column)" }
}
