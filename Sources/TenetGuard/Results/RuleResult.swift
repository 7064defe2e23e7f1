import TenetDocument

/// One rule's status for one document, with its failing checks.
public struct RuleResult: Sendable {
    public let name: String
    public let status: GuardStatus
    /// Empty unless the status is FAIL.
    public let failures: [ClauseFailure]
    /// Where the rule is declared.
    public let span: SourceSpan
}

/// A rules file evaluated against one document.
public struct FileResult: Sendable {
    public let rulesFile: String
    public let documentName: String
    public let rules: [RuleResult]

    public var status: GuardStatus { GuardStatus.combined(rules.map(\.status)) }
}
