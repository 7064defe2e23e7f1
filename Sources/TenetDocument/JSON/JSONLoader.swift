/// Reads one strict JSON document (RFC 8259) into a `Document`, with the same locations, limits
/// and diagnostics as the YAML loader.
///
/// Hand-written rather than Foundation's `JSONSerialization` because that keeps no positions and
/// merges ints with floats. The parser is iterative — an explicit stack, not recursion — so a
/// deeply nested file meets the depth limit, never the end of the thread's stack.
public struct JSONLoader: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    public func load(_ source: SourceText) throws(Diagnostic) -> Document {
        guard source.bytes.count <= limits.maxDocumentBytes else {
            throw Diagnostic.tooLarge(source.name, size: source.bytes.count, limit: limits.maxDocumentBytes)
        }
        do {
            return try source.bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> Document in
                var parser = JSONParser(bytes: buffer, name: source.name, limits: limits)
                return try parser.parse()
            }
        } catch {
            throw error.withSource(source)
        }
    }
}

private struct JSONParser {
    private enum Expectation {
        case value
        case valueOrEnd
        case key
        case keyOrEnd
        case commaOrEnd
        case done
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    var builder: DocumentBuilder
    var position = 0
    var line = 1
    var lineStart = 0
    /// The last column computed on the current line, so long single-line files cost linear time.
    var columnCache: (offset: Int, column: Int) = (0, 1)
    var containers: [Bool] = []

    init(bytes: UnsafeBufferPointer<UInt8>, name: String, limits: LoadLimits) {
        self.bytes = bytes
        self.name = name
        builder = DocumentBuilder(sourceName: name, limits: limits, expectedNodes: bytes.count / 24)
    }

    mutating func parse() throws(Diagnostic) -> Document {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
            columnCache = (3, 1)
        }
        var expectation = Expectation.value
        skipWhitespace()
        if position == bytes.count {
            throw Diagnostic(code: .emptyDocument, message: "the file holds no JSON value; expected an object such as a template", location: FileLocation(file: name, line: 1, column: 1))
        }
        while expectation != .done {
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected end of file; expected \(describe(expectation))")
            }
            let byte = bytes[position]
            switch expectation {
            case .value, .valueOrEnd:
                if expectation == .valueOrEnd, byte == UInt8(ascii: "]") {
                    expectation = try endContainer()
                    continue
                }
                expectation = try parseValue(byte)
            case .key, .keyOrEnd:
                if expectation == .keyOrEnd, byte == UInt8(ascii: "}") {
                    expectation = try endContainer()
                    continue
                }
                guard byte == UInt8(ascii: "\"") else {
                    throw error("expected \(describe(expectation))")
                }
                let start = mark()
                let key = try parseString()
                try builder.appendKey(key, start: start, isMerge: false)
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw error(position < bytes.count ? "expected ':' after the key" : "unexpected end of file; expected ':' after the key")
                }
                position += 1
                expectation = .value
            case .commaOrEnd:
                let isMap = containers.last!
                if byte == UInt8(ascii: ",") {
                    position += 1
                    expectation = isMap ? .key : .value
                } else if byte == UInt8(ascii: isMap ? "}" : "]") {
                    expectation = try endContainer()
                } else {
                    throw error("expected \(describe(expectation))")
                }
            case .done:
                break
            }
        }
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected content after the JSON value; expected the end of the file")
        }
        return builder.build()
    }

    private func describe(_ expectation: Expectation) -> String {
        switch expectation {
        case .value: return "a value"
        case .valueOrEnd: return "a value or ']'"
        case .key: return "a string key in double quotes"
        case .keyOrEnd: return "a string key in double quotes or '}'"
        case .commaOrEnd: return containers.last == true ? "',' or '}'" : "',' or ']'"
        case .done: return "the end of the file"
        }
    }

    private var afterValue: Expectation { containers.isEmpty ? .done : .commaOrEnd }

    private mutating func endContainer() throws(Diagnostic) -> Expectation {
        position += 1
        try builder.endContainer(end: mark())
        containers.removeLast()
        return afterValue
    }

    private mutating func parseValue(_ byte: UInt8) throws(Diagnostic) -> Expectation {
        let start = mark()
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isMap = byte == UInt8(ascii: "{")
            try builder.beginContainer(isMap ? .map : .list, start: start)
            position += 1
            containers.append(isMap)
            return isMap ? .keyOrEnd : .valueOrEnd
        case UInt8(ascii: "\""):
            let text = try parseString()
            try builder.appendString(text, start: start, end: mark())
        case UInt8(ascii: "t"):
            try expectWord("true")
            try builder.appendScalar(kind: .bool, payload: 1, start: start, end: mark())
        case UInt8(ascii: "f"):
            try expectWord("false")
            try builder.appendScalar(kind: .bool, payload: 0, start: start, end: mark())
        case UInt8(ascii: "n"):
            try expectWord("null")
            try builder.appendScalar(kind: .null, payload: 0, start: start, end: mark())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber(start: start)
        default:
            throw error("expected a value (an object, array, string, number, true, false or null)")
        }
        return afterValue
    }

    private mutating func expectWord(_ word: StaticString) throws(Diagnostic) {
        let length = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: length)
        guard position + length <= bytes.count,
              UnsafeBufferPointer(rebasing: bytes[position..<position + length]).elementsEqual(expected)
        else {
            throw error("expected '\(word)'")
        }
        position += length
    }

    private mutating func parseNumber(start: Mark) throws(Diagnostic) {
        let begin = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw error("expected a digit in the number")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw error("a number may not have a leading zero; expected a digit other than 0, or '.'")
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        var isFloat = false
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error("expected a digit after the decimal point")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isFloat = true
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error("expected a digit in the exponent")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<position]), as: UTF8.self)
        if isFloat {
            guard let value = Double(text), value.isFinite else {
                throw Diagnostic(code: .numberOutOfRange, message: "the number \(text) is out of range for a 64-bit float", location: location(start))
            }
            try builder.appendScalar(kind: .float, payload: Int64(bitPattern: value.bitPattern), start: start, end: mark())
        } else {
            guard let value = Int64(text) else {
                throw Diagnostic(code: .numberOutOfRange, message: "the integer \(text) does not fit in 64 bits; expected a smaller number, or a string", location: location(start))
            }
            try builder.appendScalar(kind: .int, payload: value, start: start, end: mark())
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Reads a string starting at its opening quote; validates UTF-8 and escapes as it goes.
    private mutating func parseString() throws(Diagnostic) -> String {
        position += 1
        let begin = position
        // Fast path: no escapes, so the bytes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacterError(byte) }
            if byte >= 0x80 { try skipMultibyteScalar() } else { position += 1 }
        }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[begin..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &buffer)
            case 0..<0x20:
                throw controlCharacterError(byte)
            case 0x80...:
                let scalarStart = position
                try skipMultibyteScalar()
                buffer.append(contentsOf: bytes[scalarStart..<position])
            default:
                buffer.append(byte)
                position += 1
            }
        }
        throw error("unexpected end of file inside a string; expected a closing '\"'")
    }

    private func controlCharacterError(_ byte: UInt8) -> Diagnostic {
        error(byte == UInt8(ascii: "\n")
            ? "a line break inside a string; expected a closing '\"' on the same line, or '\\n'"
            : "a control character (0x\(String(byte, radix: 16))) inside a string; expected it escaped")
    }

    private mutating func appendEscape(to buffer: inout [UInt8]) throws(Diagnostic) {
        position += 1
        guard position < bytes.count else { throw error("unexpected end of file in an escape sequence") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw error("a lone high surrogate in a \\u escape; expected a low surrogate to follow")
                }
                position += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("a high surrogate followed by \\u\(String(low, radix: 16)); expected a low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("a lone low surrogate in a \\u escape; expected a character")
            }
            buffer.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
            position -= 1
            throw error("an invalid escape '\\\(Character(Unicode.Scalar(byte)))'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    private mutating func hexQuad() throws(Diagnostic) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("unexpected end of file in a \\u escape; expected four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Checks one multi-byte UTF-8 sequence (no overlongs, no surrogates, at most U+10FFFF).
    private mutating func skipMultibyteScalar() throws(Diagnostic) {
        let lead = bytes[position]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: throw invalidUTF8()
        }
        guard position + length <= bytes.count else { throw invalidUTF8() }
        for offset in 1..<length {
            let continuation = bytes[position + offset]
            guard continuation & 0xC0 == 0x80 else { throw invalidUTF8() }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { throw invalidUTF8() }
        position += length
    }

    private func invalidUTF8() -> Diagnostic {
        var copy = self
        return Diagnostic(code: .invalidUTF8, message: "invalid UTF-8 at byte \(position); expected UTF-8 text", location: location(copy.mark()))
    }

    // MARK: Positions

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                line += 1
                lineStart = position
                columnCache = (position, 1)
            default:
                return
            }
        }
    }

    /// The current position; columns count Unicode scalars, as libyaml's do.
    private mutating func mark() -> Mark {
        if columnCache.offset > position || columnCache.offset < lineStart {
            columnCache = (lineStart, 1)
        }
        var column = columnCache.column
        for byte in bytes[columnCache.offset..<min(position, bytes.count)] where byte & 0xC0 != 0x80 {
            column += 1
        }
        columnCache = (position, column)
        return Mark(line: UInt32(truncatingIfNeeded: line), column: UInt32(truncatingIfNeeded: column))
    }

    private func location(_ mark: Mark) -> FileLocation {
        FileLocation(file: name, position: mark.location)
    }

    private func error(_ message: String) -> Diagnostic {
        var copy = self
        return Diagnostic(code: .jsonSyntax, message: message, location: location(copy.mark()))
    }
}
