import TenetDocument

extension GuardParser {
    /// Words that never name a rule, so a line holding only one of them is not a rule reference.
    static let reservedWords = Set<String>([
        "when", "WHEN", "or", "OR", "some", "SOME", "this", "THIS", "keys", "KEYS", "in", "IN", "not", "NOT",
        "exists", "EXISTS", "empty", "EMPTY", "let", "rule", "true", "True", "false", "False", "null", "NULL",
    ]).union(UnaryOperator.allCases.flatMap { [$0.rawValue, $0.rawValue.uppercased()] })

    mutating func parseClause(_ context: ClauseContext) throws(Diagnostic) -> Clause {
        let start = try peek()
        if context != .condition {
            if start.isWord("when", "WHEN") { return .when(try parseWhenBlock()) }
            if let word = start.word, word.contains("::") { return .typeBlock(try parseTypeBlock()) }
        }
        var leadingNot = false
        if start.isSymbol(.bang) {
            _ = try next()
            leadingNot = true
        } else if start.isWord("not", "NOT") {
            let following = try peekSecond()
            if following.spaceBefore, !following.newlineBefore, !following.isWord("in", "IN") {
                _ = try next()
                leadingNot = true
            }
        }
        let head = try peek()
        if let word = head.word, Self.isName(word), !Self.reservedWords.contains(word) {
            let following = try peekSecond()
            let touches = !following.spaceBefore
            if touches, following.isSymbol(.openParen), GuardFunction(rawValue: word) == nil {
                return .parameterizedCall(try parseParameterizedCall(leadingNot: leadingNot, start: start))
            }
            let continuesQuery = touches && (following.isSymbol(.dot) || following.isSymbol(.openBracket))
            let endsReference = following.kind == .end || following.newlineBefore || following.isSymbol(.openBrace)
                || following.isSymbol(.closeBrace) || following.isSymbol(.closeBracket) || following.isWord("or", "OR")
                || following.isSymbol(.orBars) || following.isMessage
            if !continuesQuery, endsReference, !(following.isSymbol(.openBrace) && context != .condition) {
                _ = try next()
                let message = try parseMessage()
                return .ruleReference(RuleReference(name: word, negated: leadingNot, message: message, span: span(from: start)))
            }
        }
        return try parseAccessOrBlock(context, leadingNot: leadingNot, start: start)
    }

    private mutating func parseAccessOrBlock(_ context: ClauseContext, leadingNot: Bool, start: GuardToken) throws(Diagnostic) -> Clause {
        let query = try parseQuery()
        if context != .condition, try peek().isSymbol(.openBrace) {
            _ = try next()
            let body = try parseBlockBody()
            return .block(BlockClause(query: query, requiresValues: false, body: body, span: span(from: start)))
        }
        let comparison = try parseComparison()
        if context != .condition, case .unary(.empty, negated: true) = comparison, try peek().isSymbol(.openBrace) {
            _ = try next()
            let body = try parseBlockBody()
            return .block(BlockClause(query: query, requiresValues: true, body: body, span: span(from: start)))
        }
        let message = try parseMessage()
        return .access(AccessClause(query: query, comparison: comparison, leadingNot: leadingNot, message: message, span: span(from: start)))
    }

    /// The operator after a query, and its right-hand side for a binary operator.
    mutating func parseComparison() throws(Diagnostic) -> Comparison {
        let token = try next()
        if case .symbol(let symbol) = token.kind {
            let binary: (BinaryOperator, Bool)?
            switch symbol {
            case .equal: binary = (.equal, false)
            case .notEqual: binary = (.equal, true)
            case .less: binary = (.lessThan, false)
            case .lessOrEqual: binary = (.lessThanOrEqual, false)
            case .greater: binary = (.greaterThan, false)
            case .greaterOrEqual: binary = (.greaterThanOrEqual, false)
            case .bang: return try parseNegatedOperator(after: token)
            default: binary = nil
            }
            if let (op, negated) = binary {
                return .binary(op, negated: negated, try parseOperand())
            }
        }
        if let word = token.word {
            if word == "in" || word == "IN" { return .binary(.in, negated: false, try parseOperand()) }
            if word == "not" || word == "NOT" {
                let following = try peek()
                guard following.spaceBefore, !following.newlineBefore else {
                    throw error("expected a space and then an operator after '\(word)'", at: following)
                }
                return try parseNegatedOperator(after: token)
            }
            if let op = Self.unaryOperator(word) { return .unary(op, negated: false) }
        }
        throw error("expected an operator (==, !=, <, <=, >, >=, in, not in, exists, empty, is_string, …) after the query, found \(token.describedForError)", at: token)
    }

    private mutating func parseNegatedOperator(after negation: GuardToken) throws(Diagnostic) -> Comparison {
        let token = try next()
        if let word = token.word {
            if word == "in" || word == "IN" { return .binary(.in, negated: true, try parseOperand()) }
            if let op = Self.unaryOperator(word) { return .unary(op, negated: true) }
        }
        throw error("expected 'in', 'exists', 'empty' or an 'is_' check after the negation, found \(token.describedForError)", at: token)
    }

    /// Keywords are lowercase or uppercase, never mixed (`Exists` is an error in cfn-guard).
    static func unaryOperator(_ word: String) -> UnaryOperator? {
        UnaryOperator(rawValue: word) ?? (word == word.uppercased() ? UnaryOperator(rawValue: word.lowercased()) : nil)
    }

    mutating func parseMessage() throws(Diagnostic) -> String? {
        guard case .message(let text) = try peek().kind else { return nil }
        _ = try next()
        return text
    }

    private mutating func parseWhenBlock() throws(Diagnostic) -> WhenBlock {
        let start = try next()
        let conditions = try parseConditions()
        try expect(.openBrace, "'{' after the 'when' conditions")
        let body = try parseBlockBody()
        return WhenBlock(conditions: conditions, body: body, span: span(from: start))
    }

    private mutating func parseTypeBlock() throws(Diagnostic) -> TypeBlock {
        let start = try next()
        let typeName = start.word ?? ""
        var conditions: Conjunction?
        if try peek().isWord("when", "WHEN") {
            _ = try next()
            conditions = try parseConditions()
        }
        let body: ClauseBlock
        if try consume(.openBrace) {
            body = try parseBlockBody()
        } else {
            body = ClauseBlock(bindings: [], conjunction: [[try parseClause(.ruleBody)]])
        }
        return TypeBlock(typeName: typeName, conditions: conditions, body: body, span: span(from: start))
    }

    private mutating func parseParameterizedCall(leadingNot: Bool, start: GuardToken) throws(Diagnostic) -> ParameterizedCall {
        let name = try next().word ?? ""
        try expect(.openParen, "'(' after '\(name)'")
        var arguments: [Operand] = []
        if !(try consume(.closeParen)) {
            repeat {
                arguments.append(try parseOperand())
            } while try consume(.comma)
            try expect(.closeParen, "')' or ',' after an argument of '\(name)'")
        }
        let message = try parseMessage()
        return ParameterizedCall(name: name, arguments: arguments, leadingNot: leadingNot, message: message, span: span(from: start))
    }
}
