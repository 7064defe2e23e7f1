import TenetScan

/// A suppression as a block header keeps it: which verdict it covered and who answers for it,
/// so an audit export can show the exceptions in force at each snapshot.
///
/// `expires` is kept as its author wrote it (`2026-12-31`): the parsed instant is the following
/// midnight, which would read as a day too late.
public struct SuppressionRecord: Codable, Sendable, Hashable, Comparable {
    /// The rule id of the covered verdict (not the suppression's glob).
    public var rule: String
    /// The resource id of the covered verdict.
    public var resource: String
    public var owner: String?
    public var reason: String?
    public var expires: String?
    public var origin: Suppression.Origin

    public init(rule: String, resource: String, owner: String?, reason: String?, expires: String?, origin: Suppression.Origin) {
        self.rule = rule
        self.resource = resource
        self.owner = owner
        self.reason = reason
        self.expires = expires
        self.origin = origin
    }

    /// One record per suppressed verdict of `result`, in (rule, resource) order.
    public static func applied(in result: ScanResult) -> [SuppressionRecord] {
        let records = result.evaluations.compactMap { evaluation in
            evaluation.suppression.map { suppression in
                SuppressionRecord(
                    rule: evaluation.ruleID, resource: evaluation.resource.id.rawValue, owner: suppression.owner, reason: suppression.reason,
                    expires: suppression.expiresAsWritten ?? suppression.expires.map(HistoryTime.format), origin: suppression.origin)
            }
        }
        return Set(records).sorted()
    }

    public static func < (lhs: SuppressionRecord, rhs: SuppressionRecord) -> Bool {
        (lhs.rule, lhs.resource, lhs.owner ?? "", lhs.reason ?? "", lhs.expires ?? "", lhs.origin.rawValue)
            < (rhs.rule, rhs.resource, rhs.owner ?? "", rhs.reason ?? "", rhs.expires ?? "", rhs.origin.rawValue)
    }
}
