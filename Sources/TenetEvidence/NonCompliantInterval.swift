import Foundation
import TenetHistory
import TenetInventory

/// A stretch of time in which one (rule, resource) pair was non-compliant.
struct NonCompliantInterval {
    var source: HistorySource
    var pair: ComplianceKey
    var resourceType: ResourceType
    /// When the pair became non-compliant; before the period when it already was at its start.
    var entered: Date
    /// When it stopped being non-compliant; nil when it still was at the period's end.
    var left: Date?
    var ruleVersionHash: String
    /// The failing checks as the transition into the state recorded them.
    var checks: String

    init(source: HistorySource, pair: ComplianceKey, resourceType: ResourceType, entered: Date, ruleVersionHash: String, checks: String) {
        self.source = source
        self.pair = pair
        self.resourceType = resourceType
        self.entered = entered
        self.ruleVersionHash = ruleVersionHash
        self.checks = checks
    }

    /// The part of the interval inside [from, to], whole seconds.
    func seconds(from: Date, to: Date) -> Int64 {
        let start = max(entered, from)
        let end = min(left ?? to, to)
        return max(0, Int64(end.timeIntervalSince(start).rounded()))
    }
}
