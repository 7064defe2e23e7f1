/// A query: a path of parts walked from the current value (or a variable) to the values a clause
/// tests.
///
/// A class, not a struct: queries are read on every evaluation and held by every unresolved
/// result, so sharing one reference beats copying their fields.
public final class Query: Sendable {
    public let parts: [QueryPart]
    /// False for `some q`: one passing value is enough.
    public let matchAll: Bool
    public let span: SourceSpan

    /// The shape facts the evaluator asks on every evaluation are settled once, here.
    public init(parts: [QueryPart], matchAll: Bool, span: SourceSpan) {
        self.parts = parts
        self.matchAll = matchAll
        self.span = span
        var startsWithVariable = false
        if case .variable = parts.first { startsWithVariable = true }
        var secondIsIndexAll = false
        if parts.count == 2, case .allIndices = parts[1] { secondIsIndexAll = true }
        isBareVariable = startsWithVariable && parts.count == 1
        isVariableValues = startsWithVariable && (parts.count == 1 || secondIsIndexAll)
        switch parts.last {
        case .filter, .mapKeyFilter: endsInFilter = true
        default: endsInFilter = false
        }
        var typeTests = [ResourceTypeTest?](repeating: nil, count: parts.count + 1)
        for index in parts.indices.dropFirst() {
            guard case .allValues = parts[index - 1], case .filter(_, let conjunction) = parts[index] else { continue }
            typeTests[index] = ResourceTypeTest(filter: conjunction)
        }
        resourceTypeTests = typeTests
    }

    /// A bare `%var`: the `empty` operator then tests the variable's result list as a whole.
    let isBareVariable: Bool
    /// `%var` or `%var[*]`: the variable's values as they are (a `[*]` right after a variable
    /// does not iterate).
    let isVariableValues: Bool
    /// Ends in a filter or a key filter, the other case where `empty` tests the result list.
    let endsInFilter: Bool
    /// The filters right after `.*` that start by testing `Type`, by part index (one past the
    /// last part too, so that the part after any part can be asked for): the evaluator answers
    /// `.*[ Type == … ]` over a map from its index of members by type. An array, not a
    /// dictionary, as it is read for every part of every query evaluated.
    let resourceTypeTests: [ResourceTypeTest?]

    /// The text of the parts from `index` on, for "remaining query" in reports.
    func remainingText(from index: Int) -> String {
        parts[index...].map(\.description).joined()
    }
}

public indirect enum QueryPart: Sendable, CustomStringConvertible {
    /// `.Key`, `'quoted key'`, `['key']`, with its spellings in other case conventions for
    /// cfn-guard's retry of a missing key.
    case key(String, spellings: KeySpellings)
    /// `%name` as the first part.
    case variable(String)
    /// `.%name`: the variable's string values used as keys.
    case keyFromVariable(String)
    case this
    /// `.*` and `[name]` (which records the key under `name` for reports only).
    case allValues(capture: String?)
    /// `[*]`
    case allIndices
    /// `[N]`, `.N`; a negative N has already been replaced by its absolute value.
    case index(Int)
    /// `[ clauses ]` and `[ name | clauses ]`.
    case filter(capture: String?, Conjunction)
    /// `[ keys == v ]`, `[ keys in v ]` and their negations.
    case mapKeyFilter(BinaryOperator, negated: Bool, Operand)

    public var description: String {
        switch self {
        case .key(let name, _): ".\(name)"
        case .variable(let name): "%\(name)"
        case .keyFromVariable(let name): ".%\(name)"
        case .this: "this"
        case .allValues(let capture): capture.map { "[\($0)]" } ?? ".*"
        case .allIndices: "[*]"
        case .index(let index): "[\(index)]"
        case .filter(let capture, _): capture.map { "[\($0) | …]" } ?? "[ … ]"
        case .mapKeyFilter(let op, let negated, _): "[ keys \(op.spelling(negated: negated)) … ]"
        }
    }
}
