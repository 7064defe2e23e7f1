import TenetDocument

/// One token of Guard source, with the whitespace facts the grammar depends on: a newline ends a
/// named-rule reference, and query parts must touch (`a.b[0]`), so each token records what stood
/// before it.
struct GuardToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// Names, keywords and resource types (`AWS::S3::Bucket`); keys may contain `-`.
        case word(String)
        case string(String)
        case regex(String)
        case int(Int64)
        case float(Double)
        /// `<< … >>`, the text between the markers.
        case message(String)
        case symbol(Symbol)
        case end
    }

    enum Symbol: String, Sendable {
        case openBrace = "{", closeBrace = "}", openBracket = "[", closeBracket = "]"
        case openParen = "(", closeParen = ")", comma = ",", dot = ".", colon = ":", star = "*"
        case percent = "%", bar = "|", assign = "=", colonAssign = ":=", equal = "=="
        case notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case bang = "!", orBars = "|OR|"
    }

    var kind: Kind
    var start: SourceLocation
    /// Byte offsets of the token in the source.
    var startOffset: Int
    var endOffset: Int
    /// Whitespace or a comment came right before the token.
    var spaceBefore: Bool
    /// A line break came before the token (since the previous token).
    var newlineBefore: Bool

    var word: String? {
        if case .word(let text) = kind { return text }
        return nil
    }

    var isMessage: Bool {
        if case .message = kind { return true }
        return false
    }

    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }

    func isWord(_ options: String...) -> Bool {
        guard case .word(let text) = kind else { return false }
        return options.contains(text)
    }

    var describedForError: String {
        switch kind {
        case .word(let text): "'\(text)'"
        case .string: "a string"
        case .regex: "a regex"
        case .int(let number): "'\(number)'"
        case .float(let number): "'\(number)'"
        case .message: "a custom message"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .end: "the end of the file"
        }
    }
}
