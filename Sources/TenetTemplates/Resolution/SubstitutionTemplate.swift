/// The `${…}` placeholders of an `Fn::Sub` string.
enum SubstitutionTemplate {
    enum Piece: Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// `${!Literal}` is the escape for a literal `${Literal}`; an unclosed `${` is literal text.
    static func pieces(of template: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(template)
        while let open = firstOpening(in: rest) {
            literal += rest[..<open]
            let afterOpen = rest[rest.index(open, offsetBy: 2)...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                literal += rest[open...]
                rest = ""
                break
            }
            let name = afterOpen[..<close]
            if name.hasPrefix("!") {
                literal += "${" + name.dropFirst() + "}"
            } else {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.placeholder(trimmingWhitespace(name)))
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    // Foundation's `range(of:)` and `trimmingCharacters(in:)` go through NSString, and every
    // `Fn::Sub` of a large template is split here: these two keep to Swift's own strings.

    /// Where the first `${` of `text` starts.
    private static func firstOpening(in text: Substring) -> Substring.Index? {
        var search = text
        while let dollar = search.firstIndex(of: "$") {
            let next = search.index(after: dollar)
            if next < search.endIndex, search[next] == "{" { return dollar }
            search = search[next...]
        }
        return nil
    }

    /// `text` less the spaces and tabs at either end, as `trimmingCharacters(in: .whitespaces)`.
    private static func trimmingWhitespace(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        let isWhitespace = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }), let last = scalars.lastIndex(where: { !isWhitespace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
