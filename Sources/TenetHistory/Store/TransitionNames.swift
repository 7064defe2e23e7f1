/// A transition's rule id, resource type, rule version hash and failing checks as ids in a store's
/// name table. A first recording writes a million transitions naming a few hundred texts: a rule
/// comes with one version hash, a resource's rows share its type, most check lists are empty or
/// repeat. Remembered here, each row costs one short lookup instead of four.
public struct TransitionNames {
    public struct IDs {
        public var rule: Int64
        public var resourceType: Int64
        public var ruleVersion: Int64
        public var checks: Int64
    }

    private var rules: [String: (versionHash: String, rule: Int64, ruleVersion: Int64)] = [:]
    private var lastType: (text: String, id: Int64)?
    private var lastChecks: (text: String, id: Int64)?
    private var emptyChecks: Int64?

    public init() {}

    /// The row's ids; `id` gives (adding when missing) the id of a text the memos lack.
    public mutating func ids(of row: ComplianceTransition, _ id: (String) throws -> Int64) rethrows -> IDs {
        let rule: Int64, ruleVersion: Int64
        if let known = rules[row.ruleID], known.versionHash == row.ruleVersionHash {
            (rule, ruleVersion) = (known.rule, known.ruleVersion)
        } else {
            (rule, ruleVersion) = (try id(row.ruleID), try id(row.ruleVersionHash))
            rules[row.ruleID] = (row.ruleVersionHash, rule, ruleVersion)
        }
        if lastType?.text != row.resourceType.rawValue { lastType = (row.resourceType.rawValue, try id(row.resourceType.rawValue)) }
        let checks: Int64
        if row.checks == FailingCheckEncoding.empty {
            if emptyChecks == nil { emptyChecks = try id(FailingCheckEncoding.empty) }
            checks = emptyChecks!
        } else {
            if lastChecks?.text != row.checks { lastChecks = (row.checks, try id(row.checks)) }
            checks = lastChecks!.id
        }
        return IDs(rule: rule, resourceType: lastType!.id, ruleVersion: ruleVersion, checks: checks)
    }
}
