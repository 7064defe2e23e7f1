import TenetHistory
import TenetScan

/// One rule over the period: how often it ran, which versions of it, how its verdicts stood at
/// the end, and how long resources spent non-compliant with it.
struct RuleFigures {
    var ruleID: String
    var versionHashes = Set<String>()
    /// Snapshots in the period that ran the rule.
    var snapshots = 0
    var atEnd: [ComplianceState: Int] = [:]
    /// Resources non-compliant with the rule at some time in the period.
    var nonCompliantResources = Set<String>()
    /// Summed over resources: the time each spent non-compliant within the period.
    var nonCompliantSeconds: Int64 = 0

    init(ruleID: String) { self.ruleID = ruleID }

    /// The most urgent state any verdict of the rule was in at the end; nil when it had none.
    var stateAtEnd: ComplianceState? { atEnd.keys.min() }

    /// The figures of every rule `request` selects (or that the period recorded), by rule id.
    static func of(_ period: PeriodHistory, request: EvidenceRequest, intervals: [NonCompliantInterval]) -> [String: RuleFigures] {
        var figures: [String: RuleFigures] = [:]
        func touch(_ rule: String, _ update: (inout RuleFigures) -> Void) {
            guard request.selects(rule) else { return }
            update(&figures[rule, default: RuleFigures(ruleID: rule)])
        }
        for rule in request.rules ?? [] { touch(rule) { _ in } }
        for snapshot in period.snapshots {
            for (rule, hash) in snapshot.header.rules {
                touch(rule) { entry in
                    entry.snapshots += 1
                    entry.versionHashes.insert(hash)
                }
            }
        }
        for state in period.atEnd {
            touch(state.row.key.ruleID) { entry in
                entry.atEnd[state.row.state, default: 0] += 1
                entry.versionHashes.insert(state.row.ruleVersionHash)
            }
        }
        for interval in intervals {
            touch(interval.pair.ruleID) { entry in
                entry.nonCompliantResources.insert(interval.pair.resourceID.rawValue)
                entry.nonCompliantSeconds += interval.seconds(from: period.from, to: period.end)
            }
        }
        return figures
    }
}
