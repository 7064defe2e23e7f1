import TenetInventory

/// The speed tables' content as a function of the covered rows: start from a checkpoint's
/// baseline (or nothing), apply each block's versions and transitions in order. Each verdict
/// carries the block whose transition began it; a baseline's verdicts, the last pruned block.
///
/// Stores update their tables with `apply`; `verify` replays the chain with it and compares.
public struct DerivedState: Sendable, Equatable {
    public var resources: [ResourceID: CurrentResource] = [:]
    public var compliance: [ComplianceKey: CurrentVerdict] = [:]

    public init() {}

    public init(resources: [ResourceID: CurrentResource], compliance: [ComplianceKey: CurrentVerdict]) {
        self.resources = resources
        self.compliance = compliance
    }

    /// Applies the rows of block `sequence`.
    public mutating func apply(_ content: BlockContent, sequence: Int) {
        for version in content.versions {
            switch version.status {
            case .created, .updated:
                resources[version.resourceID] = CurrentResource(
                    resourceID: version.resourceID, resourceType: version.resourceType, configurationHash: version.configurationHash,
                    configuration: version.configuration ?? "null")
            case .deleted:
                resources[version.resourceID] = nil
            }
        }
        for transition in content.transitions {
            let key = ComplianceKey(ruleID: transition.ruleID, resourceID: transition.resourceID)
            if let state = transition.newState {
                compliance[key] = CurrentVerdict(
                    compliance: CurrentCompliance(
                        key: key, resourceType: transition.resourceType, state: state, ruleVersionHash: transition.ruleVersionHash,
                        checks: transition.checks),
                    since: sequence)
            } else {
                compliance[key] = nil
            }
        }
    }

    /// The baseline of a checkpoint that pruned the blocks through `prunedThrough`.
    public init(baselineOf content: BlockContent, prunedThrough: Int) {
        resources = Dictionary(content.baselineResources.map { ($0.resourceID, $0) }, uniquingKeysWith: { $1 })
        compliance = Dictionary(
            content.baselineCompliance.map { ($0.key, CurrentVerdict(compliance: $0, since: prunedThrough)) }, uniquingKeysWith: { $1 })
    }
}
