/// Why a check failed, kept as what its words are made of. A large run records a hundred thousand
/// failures, and the text report shows a rule's own message instead of the reason wherever the
/// rule has one, so the words are made only when a report asks for them.
public struct FailureReason: Sendable, CustomStringConvertible {
    enum Kind: Sendable {
        /// A reason already in words.
        case words(String)
        case noValues
        case unresolved(UnresolvedCause)
        case notComparable(operatorSpelling: String)
        case unsatisfied(operatorSpelling: String)
        case unary(UnaryOperator, negated: Bool)
        case rule(name: String, status: GuardStatus)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    public init(_ words: String) {
        kind = .words(words)
    }

    public var description: String {
        switch kind {
        case .words(let words): words
        case .noValues: "the query returned no values"
        case .unresolved(let cause): "the query could not be followed: \(cause)"
        case .notComparable(let spelling): "the values cannot be compared with \(spelling)"
        case .unsatisfied(let spelling): "the value does not satisfy \(spelling)"
        case .unary(let op, let negated): op.failureReason(negated: negated)
        case .rule(let name, let status): "rule \(name) was \(status)"
        }
    }
}
