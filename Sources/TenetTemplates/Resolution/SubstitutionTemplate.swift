import Foundation

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
        while let open = rest.range(of: "${") {
            literal += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                literal += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = afterOpen[..<close]
            if name.hasPrefix("!") {
                literal += "${" + name.dropFirst() + "}"
            } else {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.placeholder(name.trimmingCharacters(in: .whitespaces)))
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}
