/// The bytes of an input file, kept only while it is being loaded, to quote lines in diagnostics.
public struct SourceText: Sendable {
    public let name: String
    public let bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The text of a 1-based line, without its line break; nil past the end. Invalid UTF-8 is
    /// shown with replacement characters: the line is for people, not for parsing.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        var index = 0
        while current < number {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
            current += 1
            start = index
        }
        guard start <= bytes.count else { return nil }
        var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if start == bytes.count && number > 1 && bytes.last != UInt8(ascii: "\n") { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

extension SourceText {
    /// The line and column (in Unicode scalars) of a byte offset, for errors reported as offsets.
    public func position(ofByte offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes.prefix(min(offset, bytes.count)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}
