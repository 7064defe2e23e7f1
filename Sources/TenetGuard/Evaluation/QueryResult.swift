/// One result of a query: a value it reached, or the point where it stopped.
///
/// An unresolved result is not "nothing": it fails every comparison (even `!=`), while a query
/// with no results at all makes its clause SKIP. Keeping the two apart is the core of Guard.
public enum QueryResult: Sendable {
    case resolved(QueryValue)
    case unresolved(UnresolvedQuery)

    var value: QueryValue? {
        if case .resolved(let value) = self { return value }
        return nil
    }
}

/// Where a query stopped, and what it could not find there.
public struct UnresolvedQuery: Sendable {
    /// The last value the query reached.
    public let traversedTo: QueryValue
    let query: Query
    let partIndex: Int
    let cause: UnresolvedCause

    /// Why the query stopped, in words.
    public var reason: String { cause.description }

    /// The part of the query that could not be followed, as written.
    public var remainingQuery: String { query.remainingText(from: partIndex) }
}

/// Why a query stopped. Misses are common (most resources lack most keys), so the words are
/// made only when a report asks for them.
enum UnresolvedCause: CustomStringConvertible {
    case missingKey(String)
    case noKeys(QueryValue.Kind)
    case missingIndex(Int)
    case noIndices(QueryValue.Kind)
    case emptyContainer
    case notFilterable(QueryValue.Kind)
    case unresolvedVariable(String)

    var description: String {
        switch self {
        case .missingKey(let key): "there is no key '\(key)'"
        case .noKeys(let kind): "a \(kind) has no keys"
        case .missingIndex(let index): "there is no index \(index)"
        case .noIndices(let kind): "a \(kind) has no indices"
        case .emptyContainer: "it is empty"
        case .notFilterable(let kind): "a \(kind) cannot be filtered"
        case .unresolvedVariable(let name): "a value of %\(name) to use as a key did not resolve"
        }
    }
}

/// The right-hand side of a comparison after evaluation. A literal written in the rule (or a
/// variable bound to one) follows different shape rules from query results, as in cfn-guard.
enum EvaluatedOperand {
    case literal(GuardValue)
    case results([QueryResult])

    var isEmpty: Bool {
        if case .results(let results) = self { return results.isEmpty }
        return false
    }

    var results: [QueryResult] {
        switch self {
        case .literal(let value): [.resolved(.literal(value))]
        case .results(let results): results
        }
    }
}
