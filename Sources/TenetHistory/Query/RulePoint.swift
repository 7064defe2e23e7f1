import Foundation
import TenetScan

/// One rule's counts in one snapshot of one source.
public struct RulePoint: Sendable {
    public var source: HistorySource
    public var time: Date
    public var ruleVersionHash: String
    public var counts: [ComplianceState: Int]

    public var nonCompliant: Int { counts[.nonCompliant] ?? 0 }
}
