import TenetScan

/// How many (rule, resource) pairs of one rule were in one state in one snapshot.
public struct RuleSummary: Sendable, Equatable {
    public var ruleID: String
    public var ruleVersionHash: String
    public var state: ComplianceState
    public var count: Int

    public init(ruleID: String, ruleVersionHash: String, state: ComplianceState, count: Int) {
        self.ruleID = ruleID
        self.ruleVersionHash = ruleVersionHash
        self.state = state
        self.count = count
    }
}
