import TenetInventory
import TenetScan

/// A change of state of one (rule, resource) pair, including the first time it is seen.
public struct ComplianceTransition: Sendable, Equatable {
    public var ruleID: String
    public var resourceID: ResourceID
    public var resourceType: ResourceType
    /// nil the first time the pair is seen.
    public var oldState: ComplianceState?
    /// nil when the pair disappears: its resource was deleted, or its rule no longer applies.
    public var newState: ComplianceState?
    public var ruleVersionHash: String
    /// Compact JSON list of the failing checks (`path`, `found`, `expected`, `message`, `reason`).
    public var checks: String

    public init(
        ruleID: String, resourceID: ResourceID, resourceType: ResourceType, oldState: ComplianceState?, newState: ComplianceState?,
        ruleVersionHash: String, checks: String
    ) {
        self.ruleID = ruleID
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.oldState = oldState
        self.newState = newState
        self.ruleVersionHash = ruleVersionHash
        self.checks = checks
    }
}
