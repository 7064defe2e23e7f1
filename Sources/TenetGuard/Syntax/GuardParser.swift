import TenetDocument

/// Parses Guard rules into a `RulesFile`: recursive descent over `GuardLexer` tokens.
///
/// Every error is a `Diagnostic` at the offending token, saying what was expected. Nesting of
/// blocks, filters and literals is bounded so that hostile input cannot exhaust the stack.
public struct GuardParser {
    /// Deep enough for any real rule (the registry nests 6 levels), shallow enough for any stack.
    public static let maxNesting = 64

    var lexer: GuardLexer
    let fileName: String
    var depth = 0
    /// Where the last consumed token ended, to close spans.
    var previousEnd = 0
    /// One per distinct key of the file, numbered in order of appearance: every part naming a
    /// key shares its spellings, and a session keeps what the key is in its document by number.
    var keySpellings: [String: KeySpellings] = [:]

    init(source: SourceText) {
        lexer = GuardLexer(source: source)
        fileName = source.name
    }

    /// Parses a whole rules file.
    public static func parse(_ source: SourceText) throws(Diagnostic) -> RulesFile {
        var parser = GuardParser(source: source)
        return try parser.parseFile()
    }

    /// Parses rules given as a string, for tests and embedding.
    public static func parse(_ text: String, name: String = "rules.guard") throws(Diagnostic) -> RulesFile {
        try parse(SourceText(name: name, bytes: Array(text.utf8)))
    }

    // MARK: File level

    mutating func parseFile() throws(Diagnostic) -> RulesFile {
        var bindings: [VariableBinding] = []
        var rules: [GuardRule] = []
        var parameterizedRules: [ParameterizedRule] = []
        var defaultClauses: Conjunction = []
        var defaultStart: GuardToken?
        while true {
            let token = try peek()
            if token.kind == .end { break }
            if token.isWord("let") {
                bindings.append(try parseBinding())
            } else if token.isWord("rule") {
                switch try parseRuleDeclaration() {
                case .plain(let rule): rules.append(rule)
                case .parameterized(let rule): parameterizedRules.append(rule)
                }
            } else {
                if defaultStart == nil { defaultStart = token }
                defaultClauses.append(try parseDisjunction(.ruleBody))
            }
        }
        if let defaultStart, !defaultClauses.isEmpty {
            let rule = GuardRule(
                name: RulesFile.defaultRuleName, conditions: nil,
                body: ClauseBlock(bindings: [], conjunction: defaultClauses), span: span(from: defaultStart))
            rules.insert(rule, at: 0)
        }
        return RulesFile(
            source: lexer.source, bindings: bindings, rules: rules, parameterizedRules: parameterizedRules, keyCount: keySpellings.count)
    }

    enum RuleDeclaration {
        case plain(GuardRule)
        case parameterized(ParameterizedRule)
    }

    mutating func parseRuleDeclaration() throws(Diagnostic) -> RuleDeclaration {
        let start = try next()
        let name = try expectName("a rule name after 'rule'")
        if try peek().isSymbol(.openParen), !(try peek().spaceBefore) {
            _ = try next()
            var parameters: [String] = []
            repeat {
                parameters.append(try expectName("a parameter name"))
            } while try consume(.comma)
            try expect(.closeParen, "')' or ',' after a parameter name")
            try expect(.openBrace, "'{' to open the body of rule '\(name)' (a parameterized rule takes no 'when')")
            let body = try parseBlockBody()
            return .parameterized(ParameterizedRule(name: name, parameters: parameters, body: body, span: span(from: start)))
        }
        var conditions: Conjunction?
        if try peek().isWord("when", "WHEN") {
            _ = try next()
            conditions = try parseConditions()
        }
        try expect(.openBrace, "'{' to open the body of rule '\(name)'")
        let body = try parseBlockBody()
        return .plain(GuardRule(name: name, conditions: conditions, body: body, span: span(from: start)))
    }

    mutating func parseBinding() throws(Diagnostic) -> VariableBinding {
        let start = try next()
        let name = try expectName("a variable name after 'let'")
        let token = try next()
        guard token.isSymbol(.assign) || token.isSymbol(.colonAssign) else {
            throw error("expected '=' or ':=' after 'let \(name)', found \(token.describedForError)", at: token)
        }
        let value = try parseOperand()
        return VariableBinding(name: name, value: value, span: span(from: start))
    }

    // MARK: Blocks and clause lists

    /// After `{`: bindings and clauses up to the matching `}`.
    mutating func parseBlockBody() throws(Diagnostic) -> ClauseBlock {
        try enterNesting()
        defer { depth -= 1 }
        let open = previousEnd
        var bindings: [VariableBinding] = []
        var conjunction: Conjunction = []
        while true {
            let token = try peek()
            if token.isSymbol(.closeBrace) {
                _ = try next()
                break
            }
            if token.kind == .end {
                throw error("this block is never closed; expected '}'", at: token)
            }
            if token.isWord("let") {
                bindings.append(try parseBinding())
            } else {
                conjunction.append(try parseDisjunction(.ruleBody))
            }
        }
        if conjunction.isEmpty {
            throw Diagnostic(
                code: .guardSyntax, message: "a block needs at least one clause; expected a clause before '}'",
                location: FileLocation(file: fileName, position: lexer.source.position(ofByte: open)))
                .withSource(lexer.source)
        }
        return ClauseBlock(bindings: bindings, conjunction: conjunction)
    }

    /// `when` conditions up to (not including) the `{` of the guarded body.
    mutating func parseConditions() throws(Diagnostic) -> Conjunction {
        var conjunction: Conjunction = []
        while true {
            let token = try peek()
            if token.isSymbol(.openBrace) { break }
            if token.kind == .end || token.isSymbol(.closeBrace) {
                throw error("expected '{' after the 'when' conditions, found \(token.describedForError)", at: token)
            }
            conjunction.append(try parseDisjunction(.condition))
        }
        if conjunction.isEmpty {
            throw error("expected a condition after 'when'", at: try peek())
        }
        return conjunction
    }

    /// Where a clause stands decides what it may be: a `{` after a condition opens the guarded
    /// body, not a block clause.
    enum ClauseContext {
        case ruleBody
        case condition
        case filter
    }

    mutating func parseDisjunction(_ context: ClauseContext) throws(Diagnostic) -> Disjunction {
        var clauses = [try parseClause(context)]
        while true {
            let token = try peek()
            guard token.isWord("or", "OR") || token.isSymbol(.orBars) else { break }
            _ = try next()
            clauses.append(try parseClause(context))
        }
        return clauses
    }

    mutating func parseConjunction(until terminator: GuardToken.Symbol, _ context: ClauseContext) throws(Diagnostic) -> Conjunction {
        var conjunction: Conjunction = []
        while true {
            let token = try peek()
            if token.isSymbol(terminator) { break }
            if token.kind == .end {
                throw error("expected '\(terminator.rawValue)' before the end of the file", at: token)
            }
            conjunction.append(try parseDisjunction(context))
        }
        if conjunction.isEmpty {
            throw error("expected at least one clause before '\(terminator.rawValue)'", at: try peek())
        }
        return conjunction
    }

    // MARK: Helpers

    mutating func peek() throws(Diagnostic) -> GuardToken { try lexer.peek() }

    mutating func next() throws(Diagnostic) -> GuardToken {
        let token = try lexer.next()
        previousEnd = token.endOffset
        return token
    }

    /// The token after the next one, without consuming either.
    mutating func peekSecond() throws(Diagnostic) -> GuardToken {
        _ = try lexer.peek()
        var probe = lexer
        _ = try probe.next()
        return try probe.peek()
    }

    mutating func consume(_ symbol: GuardToken.Symbol) throws(Diagnostic) -> Bool {
        guard try peek().isSymbol(symbol) else { return false }
        _ = try next()
        return true
    }

    mutating func expect(_ symbol: GuardToken.Symbol, _ expectation: String) throws(Diagnostic) {
        let token = try peek()
        guard token.isSymbol(symbol) else {
            throw error("expected \(expectation), found \(token.describedForError)", at: token)
        }
        _ = try next()
    }

    /// A variable, rule or parameter name: a letter, then letters, digits and `_`.
    mutating func expectName(_ expectation: String) throws(Diagnostic) -> String {
        let token = try peek()
        guard let word = token.word, Self.isName(word) else {
            throw error("expected \(expectation), found \(token.describedForError)", at: token)
        }
        _ = try next()
        return word
    }

    static func isName(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return word.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    mutating func enterNesting() throws(Diagnostic) {
        depth += 1
        if depth > Self.maxNesting {
            throw error("rules nest deeper than \(Self.maxNesting) levels; expected a flatter rule", at: try peek(), code: .guardNesting)
        }
    }

    func span(from start: GuardToken) -> SourceSpan {
        SourceSpan(file: fileName, start: start.start, text: lexer.text(from: start.startOffset, to: max(previousEnd, start.endOffset)))
    }

    func error(_ message: String, at token: GuardToken, code: DiagnosticCode = .guardSyntax) -> Diagnostic {
        lexer.error(message, at: token.start, code: code)
    }
}
