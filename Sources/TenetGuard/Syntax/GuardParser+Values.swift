import TenetDocument

extension GuardParser {
    /// A right-hand side, function argument or `let` value: tried as a literal, then a function
    /// call, then a query, in cfn-guard's order.
    mutating func parseOperand() throws(Diagnostic) -> Operand {
        let token = try peek()
        if let literal = try parseLiteralIfPresent() { return .literal(literal) }
        if let word = token.word, let function = GuardFunction(rawValue: word) {
            let following = try peekSecond()
            if following.isSymbol(.openParen), !following.spaceBefore {
                return .function(try parseFunctionCall(function))
            }
        }
        return .query(try parseQuery())
    }

    private mutating func parseFunctionCall(_ function: GuardFunction) throws(Diagnostic) -> FunctionCall {
        let start = try next()
        _ = try next()
        try enterNesting()
        defer { depth -= 1 }
        var arguments: [Operand] = []
        if !(try consume(.closeParen)) {
            repeat {
                arguments.append(try parseOperand())
            } while try consume(.comma)
            try expect(.closeParen, "')' or ',' after an argument of \(function.rawValue)")
        }
        guard arguments.count == function.arity else {
            throw error("\(function.rawValue) takes \(function.arity) argument\(function.arity == 1 ? "" : "s"), found \(arguments.count)", at: start)
        }
        return FunctionCall(function: function, arguments: arguments, span: span(from: start))
    }

    /// A literal, or nil (consuming nothing) when the next token cannot start one.
    mutating func parseLiteralIfPresent() throws(Diagnostic) -> GuardValue? {
        let token = try peek()
        switch token.kind {
        case .string(let text):
            _ = try next()
            return .string(text)
        case .regex(let pattern):
            _ = try next()
            guard let regex = GuardRegex(pattern: pattern) else {
                throw error("/\(pattern)/ is not a valid regular expression", at: token, code: .guardRegex)
            }
            return .regex(regex)
        case .int(let number):
            _ = try next()
            return .int(number)
        case .float(let number):
            _ = try next()
            return .float(number)
        case .symbol(.openBracket):
            return try parseListLiteral()
        case .symbol(.openBrace):
            return try parseMapLiteral()
        case .word(let word):
            switch word {
            case "true", "True": _ = try next(); return .bool(true)
            case "false", "False": _ = try next(); return .bool(false)
            case "null", "NULL": _ = try next(); return .null
            case "r":
                let following = try peekSecond()
                guard !following.spaceBefore, following.isSymbol(.openBracket) || following.isSymbol(.openParen) else { return nil }
                return try parseRange()
            default: return nil
            }
        default:
            return nil
        }
    }

    private mutating func parseLiteral(_ expectation: String) throws(Diagnostic) -> GuardValue {
        guard let value = try parseLiteralIfPresent() else {
            let token = try peek()
            throw error("expected \(expectation), found \(token.describedForError)", at: token)
        }
        return value
    }

    private mutating func parseListLiteral() throws(Diagnostic) -> GuardValue {
        _ = try next()
        try enterNesting()
        defer { depth -= 1 }
        var elements: [GuardValue] = []
        if try consume(.closeBracket) { return .list(elements) }
        repeat {
            if try peek().isSymbol(.closeBracket) { break }
            elements.append(try parseLiteral("a value in the list"))
        } while try consume(.comma)
        try expect(.closeBracket, "',' or ']' in the list")
        return .list(elements)
    }

    private mutating func parseMapLiteral() throws(Diagnostic) -> GuardValue {
        _ = try next()
        try enterNesting()
        defer { depth -= 1 }
        var entries: [GuardValue.MapEntry] = []
        if try consume(.closeBrace) { return .map(entries) }
        repeat {
            if try peek().isSymbol(.closeBrace) { break }
            let token = try next()
            let key: String
            switch token.kind {
            case .word(let word): key = word
            case .string(let text): key = text
            default: throw error("expected a map key (a name or a quoted string), found \(token.describedForError)", at: token)
            }
            try expect(.colon, "':' after the map key '\(key)'")
            entries.append(GuardValue.MapEntry(key: key, value: try parseLiteral("a value for key '\(key)'")))
        } while try consume(.comma)
        try expect(.closeBrace, "',' or '}' in the map")
        return .map(entries)
    }

    /// `r[lo,hi]`, `r(lo,hi)`, `r[lo,hi)`, `r(lo,hi]`, with both ends ints, floats or characters.
    private mutating func parseRange() throws(Diagnostic) -> GuardValue {
        let start = try next()
        let open = try next()
        let low = try next()
        try expect(.comma, "',' between the ends of the range")
        let high = try next()
        let close = try next()
        guard close.isSymbol(.closeBracket) || close.isSymbol(.closeParen) else {
            throw error("expected ']' or ')' to close the range, found \(close.describedForError)", at: close)
        }
        let bounds: GuardRange.Bounds
        switch (low.kind, high.kind) {
        case (.int(let a), .int(let b)): bounds = .int(a, b)
        case (.float(let a), .float(let b)): bounds = .float(a, b)
        case (.string(let a), .string(let b)) where a.count == 1 && b.count == 1:
            bounds = .char(Character(a), Character(b))
        default:
            throw error("both ends of a range must be ints, floats or single characters of the same type", at: start)
        }
        return .range(GuardRange(bounds: bounds, includesLower: open.isSymbol(.openBracket), includesUpper: close.isSymbol(.closeBracket)))
    }
}
