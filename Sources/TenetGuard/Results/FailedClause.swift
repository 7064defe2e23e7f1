/// What every failure of one clause shares: the clause's text and place, its operator as written
/// and cfn-guard's name for it, and the rule's message.
///
/// A clause over thousands of resources fails for many of them: each failure holds this by one
/// reference, instead of its own copy of five strings, and an access clause makes it once, when
/// it is parsed.
final class FailedClause: Sendable {
    let span: SourceSpan
    /// `==`, `not exists`, … as written; a rule name for a rule reference.
    let operatorSpelling: String
    /// cfn-guard's name for the operator and whether it was negated (`["Eq", true]`).
    let comparison: (name: String, negated: Bool)
    let message: String?

    init(span: SourceSpan, operatorSpelling: String, comparison: (name: String, negated: Bool), message: String? = nil) {
        self.span = span
        self.operatorSpelling = operatorSpelling
        self.comparison = comparison
        self.message = message
    }
}
