import TenetDocument

/// Turns Guard source into tokens on demand.
///
/// Guard's grammar is context-sensitive only in ways the parser can settle by looking at one
/// token and the whitespace before it, so the lexer is a plain cursor: `peek` and `next`, with
/// positions in 1-based lines and Unicode-scalar columns, as every Tenet diagnostic uses.
struct GuardLexer {
    let source: SourceText
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var column = 1
    private var lookahead: GuardToken?
    /// Where the last token ended: an error at the end of the file points there, at text a
    /// person can see, rather than past the last line.
    private var lastTokenEnd = SourceLocation(line: 1, column: 1)

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    mutating func peek() throws(Diagnostic) -> GuardToken {
        if let lookahead { return lookahead }
        let token = try scan()
        lookahead = token
        return token
    }

    mutating func next() throws(Diagnostic) -> GuardToken {
        let token = try peek()
        lookahead = nil
        return token
    }

    /// The source text between two byte offsets, for spans.
    func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[max(0, start)..<min(end, bytes.count)], as: UTF8.self)
    }

    func error(_ message: String, at location: SourceLocation, code: DiagnosticCode = .guardSyntax) -> Diagnostic {
        Diagnostic(code: code, message: message, location: FileLocation(file: source.name, position: location))
            .withSource(source)
    }

    // MARK: Scanning

    private mutating func advance() {
        let byte = bytes[offset]
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private var here: SourceLocation { SourceLocation(line: line, column: column) }

    private mutating func skipTrivia() -> (space: Bool, newline: Bool) {
        var space = false
        var newline = false
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                space = true
                advance()
            case UInt8(ascii: "\n"):
                space = true
                newline = true
                advance()
            case UInt8(ascii: "#"):
                space = true
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { advance() }
            default:
                return (space, newline)
            }
        }
        return (space, newline)
    }

    private mutating func scan() throws(Diagnostic) -> GuardToken {
        let (space, newline) = skipTrivia()
        let start = here
        let startOffset = offset
        func token(_ kind: GuardToken.Kind) -> GuardToken {
            GuardToken(kind: kind, start: start, startOffset: startOffset, endOffset: offset, spaceBefore: space, newlineBefore: newline)
        }
        guard offset < bytes.count else {
            return GuardToken(kind: .end, start: lastTokenEnd, startOffset: offset, endOffset: offset, spaceBefore: space, newlineBefore: newline)
        }
        defer { lastTokenEnd = here }
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return token(.string(try scanString(delimiter: byte, start: start)))
        case UInt8(ascii: "/"):
            return token(.regex(try scanRegex(start: start)))
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return token(try scanNumber(start: start))
        case UInt8(ascii: "-") where offset + 1 < bytes.count && isDigit(bytes[offset + 1]):
            return token(try scanNumber(start: start))
        case UInt8(ascii: "<") where peekByte(1) == UInt8(ascii: "<"):
            return token(.message(try scanMessage(start: start)))
        default:
            break
        }
        if isWordStart(byte) {
            return token(.word(scanWord()))
        }
        if let symbol = scanSymbol() {
            return token(.symbol(symbol))
        }
        throw error("unexpected character '\(String(decoding: [byte], as: UTF8.self))'; expected a clause, a query or a value", at: start)
    }

    private func peekByte(_ distance: Int) -> UInt8? {
        offset + distance < bytes.count ? bytes[offset + distance] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) }

    /// A word: letters, digits and `_`, with inner `-` (`kebab-keys`) and `::` (resource types).
    private mutating func scanWord() -> String {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if isWordByte(byte) {
                advance()
            } else if byte == UInt8(ascii: "-"), let following = peekByte(1), isWordByte(following) {
                advance()
            } else if byte == UInt8(ascii: ":"), peekByte(1) == UInt8(ascii: ":"), let following = peekByte(2), isWordByte(following) {
                advance()
                advance()
            } else {
                break
            }
        }
        return text(from: start, to: offset)
    }

    private mutating func scanString(delimiter: UInt8, start: SourceLocation) throws(Diagnostic) -> String {
        advance()
        var content: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\\"), peekByte(1) == delimiter {
                content.append(delimiter)
                advance()
                advance()
                continue
            }
            advance()
            if byte == delimiter { return String(decoding: content, as: UTF8.self) }
            content.append(byte)
        }
        throw error("this string is never closed; expected a closing \(delimiter == UInt8(ascii: "'") ? "'" : "\"")", at: start)
    }

    private mutating func scanRegex(start: SourceLocation) throws(Diagnostic) -> String {
        advance()
        var content: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\\"), peekByte(1) == UInt8(ascii: "/") {
                content.append(UInt8(ascii: "/"))
                advance()
                advance()
                continue
            }
            advance()
            if byte == UInt8(ascii: "/") { return String(decoding: content, as: UTF8.self) }
            content.append(byte)
        }
        throw error("this regex is never closed; expected a closing '/'", at: start)
    }

    private mutating func scanNumber(start: SourceLocation) throws(Diagnostic) -> GuardToken.Kind {
        let begin = offset
        if bytes[offset] == UInt8(ascii: "-") { advance() }
        while let byte = peekByte(0), isDigit(byte) { advance() }
        var isFloat = false
        if peekByte(0) == UInt8(ascii: "."), let following = peekByte(1), isDigit(following) {
            isFloat = true
            advance()
            while let byte = peekByte(0), isDigit(byte) { advance() }
        }
        if let marker = peekByte(0), marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            // Guard's float grammar requires a sign on the exponent: `1e+5`, never `1e5`.
            guard let sign = peekByte(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  let digit = peekByte(2), isDigit(digit)
            else {
                throw error("an exponent needs a sign in Guard; expected a number like 1e+5", at: start)
            }
            isFloat = true
            advance()
            advance()
            while let byte = peekByte(0), isDigit(byte) { advance() }
        }
        let text = text(from: begin, to: offset)
        if isFloat {
            guard let number = Double(text) else { throw error("'\(text)' is not a number", at: start) }
            return .float(number)
        }
        guard let number = Int64(text) else {
            throw error("'\(text)' does not fit in a 64-bit integer", at: start)
        }
        return .int(number)
    }

    private mutating func scanMessage(start: SourceLocation) throws(Diagnostic) -> String {
        advance()
        advance()
        let begin = offset
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: ">"), peekByte(1) == UInt8(ascii: ">") {
                let message = text(from: begin, to: offset)
                advance()
                advance()
                return message
            }
            advance()
        }
        throw error("this custom message is never closed; expected '>>'", at: start)
    }

    private mutating func scanSymbol() -> GuardToken.Symbol? {
        let byte = bytes[offset]
        let following = peekByte(1)
        var symbol: GuardToken.Symbol?
        var length = 1
        switch byte {
        case UInt8(ascii: "{"): symbol = .openBrace
        case UInt8(ascii: "}"): symbol = .closeBrace
        case UInt8(ascii: "["): symbol = .openBracket
        case UInt8(ascii: "]"): symbol = .closeBracket
        case UInt8(ascii: "("): symbol = .openParen
        case UInt8(ascii: ")"): symbol = .closeParen
        case UInt8(ascii: ","): symbol = .comma
        case UInt8(ascii: "."): symbol = .dot
        case UInt8(ascii: "*"): symbol = .star
        case UInt8(ascii: "%"): symbol = .percent
        case UInt8(ascii: ":"):
            if following == UInt8(ascii: "=") { (symbol, length) = (.colonAssign, 2) } else { symbol = .colon }
        case UInt8(ascii: "|"):
            if text(from: offset, to: offset + 4) == "|OR|" { (symbol, length) = (.orBars, 4) } else { symbol = .bar }
        case UInt8(ascii: "="):
            if following == UInt8(ascii: "=") { (symbol, length) = (.equal, 2) } else { symbol = .assign }
        case UInt8(ascii: "!"):
            if following == UInt8(ascii: "=") { (symbol, length) = (.notEqual, 2) } else { symbol = .bang }
        case UInt8(ascii: "<"):
            if following == UInt8(ascii: "=") { (symbol, length) = (.lessOrEqual, 2) } else { symbol = .less }
        case UInt8(ascii: ">"):
            if following == UInt8(ascii: "=") { (symbol, length) = (.greaterOrEqual, 2) } else { symbol = .greater }
        default:
            return nil
        }
        for _ in 0..<length { advance() }
        return symbol
    }
}
