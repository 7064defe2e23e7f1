import TenetDocument

extension GuardParser {
    /// A query: `[some] first{part}`, where every later part touches the one before it.
    mutating func parseQuery() throws(Diagnostic) -> Query {
        let start = try peek()
        var matchAll = true
        if start.isWord("some", "SOME") {
            let following = try peekSecond()
            if following.spaceBefore, !following.newlineBefore {
                _ = try next()
                matchAll = false
            }
        }
        var parts = [try parseFirstPart()]
        while true {
            let token = try peek()
            // cfn-guard allows spaces before a filter (`Origins [ … ]`), not before other parts.
            if token.isSymbol(.openBracket), !token.newlineBefore {
                _ = try next()
                parts.append(try parseBracketPart())
                continue
            }
            guard !token.spaceBefore else { break }
            if token.isSymbol(.dot) {
                _ = try next()
                parts.append(try parseDottedPart())
            } else if token.isSymbol(.openBracket) {
                _ = try next()
                parts.append(try parseBracketPart())
            } else {
                break
            }
        }
        return Query(parts: parts, matchAll: matchAll, span: span(from: start))
    }

    private mutating func parseFirstPart() throws(Diagnostic) -> QueryPart {
        let token = try next()
        switch token.kind {
        case .symbol(.percent):
            return .variable(try expectTouchingName(after: "%"))
        case .word(let word) where word == "this" || word == "THIS":
            return .this
        case .word(let word):
            return keyPart(word)
        case .string(let key):
            return keyPart(key)
        default:
            throw error("expected a query (a key, a quoted key, %variable or this), found \(token.describedForError)", at: token)
        }
    }

    private mutating func expectTouchingName(after prefix: String) throws(Diagnostic) -> String {
        let token = try peek()
        guard !token.spaceBefore, let word = token.word, Self.isName(word) else {
            throw error("expected a variable name right after '\(prefix)', found \(token.describedForError)", at: token)
        }
        _ = try next()
        return word
    }

    private mutating func parseDottedPart() throws(Diagnostic) -> QueryPart {
        let token = try next()
        guard !token.spaceBefore else {
            throw error("expected a key right after '.', found whitespace", at: token)
        }
        switch token.kind {
        case .symbol(.star): return .allValues(capture: nil)
        case .symbol(.percent): return .keyFromVariable(try expectTouchingName(after: ".%"))
        case .word(let word): return keyPart(word)
        case .string(let key): return keyPart(key)
        case .int(let index): return .index(Self.absoluteIndex(index))
        default:
            throw error("expected a key, '*' or '%variable' after '.', found \(token.describedForError)", at: token)
        }
    }

    /// After `[`: `*`, an index, a quoted key, a capture name, a key filter or a filter.
    private mutating func parseBracketPart() throws(Diagnostic) -> QueryPart {
        let token = try peek()
        let following = try peekSecond()
        switch token.kind {
        case .symbol(.star) where following.isSymbol(.closeBracket):
            _ = try next()
            _ = try next()
            return .allIndices
        case .int(let index) where following.isSymbol(.closeBracket):
            _ = try next()
            _ = try next()
            return .index(Self.absoluteIndex(index))
        case .string(let key) where following.isSymbol(.closeBracket):
            _ = try next()
            _ = try next()
            return keyPart(key)
        case .word(let word) where Self.isName(word) && following.isSymbol(.closeBracket):
            _ = try next()
            _ = try next()
            return .allValues(capture: word)
        case .word(let word) where Self.isName(word) && following.isSymbol(.bar):
            _ = try next()
            _ = try next()
            return try parseFilter(capture: word)
        case .word(let word) where (word == "keys" || word == "KEYS") && Self.startsKeyComparison(following):
            _ = try next()
            return try parseMapKeyFilter()
        default:
            return try parseFilter(capture: nil)
        }
    }

    private static func startsKeyComparison(_ token: GuardToken) -> Bool {
        token.isSymbol(.equal) || token.isSymbol(.notEqual) || token.isSymbol(.bang) || token.isWord("in", "IN", "not", "NOT")
    }

    private mutating func parseFilter(capture: String?) throws(Diagnostic) -> QueryPart {
        try enterNesting()
        defer { depth -= 1 }
        let conjunction = try parseConjunction(until: .closeBracket, .filter)
        _ = try next()
        return .filter(capture: capture, conjunction)
    }

    private mutating func parseMapKeyFilter() throws(Diagnostic) -> QueryPart {
        let comparison = try parseComparison()
        guard case .binary(let op, let negated, let operand) = comparison, op == .equal || op == .in else {
            throw error("a 'keys' filter compares with ==, !=, in or not in", at: try peek())
        }
        try expect(.closeBracket, "']' to close the 'keys' filter")
        return .mapKeyFilter(op, negated: negated, operand)
    }

    /// cfn-guard reads a key that is an integer as a list index, and a negative index as its
    /// absolute value (see docs/guard-compatibility.md).
    mutating func keyPart(_ key: String) -> QueryPart {
        if let index = Int64(key) { return .index(Self.absoluteIndex(index)) }
        if let spellings = keySpellings[key] { return .key(key, spellings: spellings) }
        let spellings = KeySpellings(of: key, number: keySpellings.count)
        keySpellings[key] = spellings
        return .key(key, spellings: spellings)
    }

    static func absoluteIndex(_ index: Int64) -> Int {
        index == .min ? .max : Int(abs(index))
    }
}
