import TenetInventory
import TenetScan

/// A resource as the latest block of its source left it. Kept in a speed table derived from the
/// covered rows, and in a checkpoint's baseline, where it is covered itself.
public struct CurrentResource: Sendable, Equatable {
    public var resourceID: ResourceID
    public var resourceType: ResourceType
    public var configurationHash: String
    public var configuration: String

    public init(resourceID: ResourceID, resourceType: ResourceType, configurationHash: String, configuration: String) {
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.configurationHash = configurationHash
        self.configuration = configuration
    }
}

/// A (rule, resource) pair.
public struct ComplianceKey: Hashable, Sendable, Comparable {
    public var ruleID: String
    public var resourceID: ResourceID

    public init(ruleID: String, resourceID: ResourceID) {
        self.ruleID = ruleID
        self.resourceID = resourceID
    }

    public static func < (lhs: ComplianceKey, rhs: ComplianceKey) -> Bool {
        (lhs.ruleID, lhs.resourceID.rawValue) < (rhs.ruleID, rhs.resourceID.rawValue)
    }
}

/// The state of a (rule, resource) pair as the latest block of its source left it.
public struct CurrentCompliance: Sendable, Equatable {
    public var key: ComplianceKey
    public var resourceType: ResourceType
    public var state: ComplianceState
    public var ruleVersionHash: String
    /// Kept in baselines, so a pruned store still shows why a pair is non-compliant.
    public var checks: String

    public init(key: ComplianceKey, resourceType: ResourceType, state: ComplianceState, ruleVersionHash: String, checks: String) {
        self.key = key
        self.resourceType = resourceType
        self.state = state
        self.ruleVersionHash = ruleVersionHash
        self.checks = checks
    }
}

/// A current-compliance row as the speed table keeps it: the verdict, and the block whose
/// transition began its state (a checkpoint's last pruned block for a state older than it), so an
/// as-of query reads the pairs that have not changed since its time straight from the table.
public struct CurrentVerdict: Sendable, Equatable {
    public var compliance: CurrentCompliance
    public var since: Int

    public init(compliance: CurrentCompliance, since: Int) {
        self.compliance = compliance
        self.since = since
    }
}
