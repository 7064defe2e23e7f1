/// The verdict for one (rule, resource) pair, in AWS Config's vocabulary so that reports, history
/// and exports read the same as the service auditors already know.
public enum ComplianceState: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case compliant = "COMPLIANT"
    case nonCompliant = "NON_COMPLIANT"
    case notApplicable = "NOT_APPLICABLE"
    /// The rule could not be evaluated. Never dropped: an error fails the run like a violation,
    /// because a rule that silently stops working looks exactly like a clean result.
    case error = "ERROR"
    /// The collector could not read the resource's type, so nothing can be said about it.
    case insufficientData = "INSUFFICIENT_DATA"

    /// Order for summaries and sorted output: the states that need attention first.
    private var rank: Int {
        switch self {
        case .error: 0
        case .nonCompliant: 1
        case .insufficientData: 2
        case .compliant: 3
        case .notApplicable: 4
        }
    }

    public static func < (lhs: ComplianceState, rhs: ComplianceState) -> Bool { lhs.rank < rhs.rank }
}
