import TenetDocument

/// One failing check, with everything a reader needs to act on it: which rule and clause, which
/// value (path, found value, file location), what was expected, and the rule's own message.
public struct ClauseFailure: Sendable {
    public enum Subject: Sendable {
        /// A value the clause tested.
        case value(QueryValue)
        /// A query that could not be followed to a value.
        case unresolved(UnresolvedQuery)
        /// A clause with no value to point at: a referenced rule that did not pass, a block that
        /// required values and found none.
        case none
    }

    public let rule: String
    let failedClause: FailedClause
    public var clause: SourceSpan { failedClause.span }
    /// `==`, `not exists`, … as written; a rule name for a rule reference.
    public var operatorSpelling: String { failedClause.operatorSpelling }
    /// cfn-guard's name for the operator and whether it was negated (`["Eq", true]`).
    public var comparison: (name: String, negated: Bool) { failedClause.comparison }
    public let subject: Subject
    public let expected: QueryValue?
    public var message: String? { failedClause.message }
    /// Why the check failed, as what its words are made of.
    public let failureReason: FailureReason
    /// The value the clause was evaluated at (`this`): a resource inside `Resources.*[…] { }`.
    let context: QueryValue?
    /// The root of the evaluated document, against which paths are given.
    let root: Node?

    /// The JSON pointer of the offending value (or of the last value reached before the query
    /// stopped), relative to the evaluated document.
    public var path: JSONPointer? {
        switch subject {
        case .value(let value): value.path(relativeTo: root)
        case .unresolved(let unresolved): unresolved.traversedTo.path(relativeTo: root)
        case .none: nil
        }
    }

    /// The value in the evaluated document the failure belongs to: the offending value when it
    /// lies in the document, else the value the clause was evaluated at. A clause that compares a
    /// rule parameter with a resource's tags, or whose filter matched nothing, fails for the
    /// resource it looked at, not for the template as a whole.
    private var owner: QueryValue? {
        switch subject {
        case .value(let value) where value.lies(in: root): value
        case .unresolved(let unresolved) where unresolved.traversedTo.lies(in: root): unresolved.traversedTo
        default: context.flatMap { $0.lies(in: root) ? $0 : nil }
        }
    }

    /// The owner as a node of the evaluated document; nil when it is the document's root with
    /// rule parameters laid over it, or there is none.
    public var ownerNode: Node? {
        if case .node(let node) = owner { return node }
        return nil
    }

    public var ownerLocation: FileLocation? { owner?.fileLocation }

    public var found: Value? {
        if case .value(let value) = subject { return value.documentValue }
        return nil
    }

    public var expectedValue: Value? { expected?.documentValue }

    /// Why the check failed, in words.
    public var reason: String { failureReason.description }

    /// Where the offending value stands in its file.
    public var location: FileLocation? {
        switch subject {
        case .value(let value): value.fileLocation
        case .unresolved(let unresolved): unresolved.traversedTo.fileLocation
        case .none: nil
        }
    }
}
