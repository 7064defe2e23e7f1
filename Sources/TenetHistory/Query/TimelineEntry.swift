import Foundation
import TenetInventory
import TenetScan

/// One event in a resource's timeline (AWS Config's resource timeline): a configuration version
/// with its field changes, a compliance transition, or the state a checkpoint kept.
public struct TimelineEntry: Sendable {
    public enum Event: Sendable {
        case version(ConfigurationVersion, changes: [FieldChange])
        case transition(ComplianceTransition)
        /// The configuration and compliance kept by pruning, as of its time.
        case baseline(CurrentResource?, compliance: [CurrentCompliance])
    }

    public var source: HistorySource
    public var sequence: Int
    public var time: Date
    public var event: Event
}
