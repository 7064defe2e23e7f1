import TenetInventory

/// The as-of answer both stores build from their packed current-compliance rows
/// (`HistoryStore.compliance(through:of:each:)`): a verdict that began by block `through` is taken
/// as stored; only the pairs that changed after it — their state began later, or they were removed
/// later (and, if they came back, began later again) — are left for the store to look up, by their
/// last transition at or before it, or the checkpoint's baseline.
///
/// `Resource` is how the store keys a resource: SQLite by its id in the `resources` table,
/// PostgreSQL by its text.
public struct PackedComplianceAsOf<Resource: Hashable> {
    public typealias Pair = (resource: Resource, rule: Int64)

    private var states: [Resource: PackedComplianceStates]
    /// The pairs the store looks up and hands back with `add`.
    public private(set) var changed: [Pair] = []

    /// `current` is the stored table, `removedLater` the pairs some transition after `through` removed.
    public init(current: [Resource: PackedComplianceStates], through: Int64, removedLater: [Pair]) {
        states = current
        for (resource, stored) in current where stored.verdicts.contains(where: { $0.since > through }) {
            for verdict in stored.verdicts where verdict.since > through { changed.append((resource, verdict.rule)) }
            states[resource]?.verdicts.removeAll { $0.since > through }
        }
        for pair in removedLater {
            let verdict = current[pair.resource]?.verdicts.first { $0.rule == pair.rule }
            if verdict.map({ $0.since <= through }) ?? true { changed.append(pair) }
        }
    }

    /// A changed pair's verdict as of `through`, as the store found it.
    public mutating func add(_ verdict: PackedComplianceStates.Verdict, of resource: Resource) {
        states[resource, default: PackedComplianceStates()].verdicts.append(verdict)
    }

    /// Every verdict with its resource, in (resource, rule) order of their texts.
    public func visit(
        resourceID: (Resource) throws -> ResourceID, ruleText: (Int64) throws -> String,
        _ visit: (ResourceID, PackedComplianceStates.Verdict) throws -> Void
    ) throws {
        var resources: [(id: ResourceID, states: PackedComplianceStates)] = []
        resources.reserveCapacity(states.count)
        for (resource, states) in states where !states.verdicts.isEmpty {
            resources.append((try resourceID(resource), states))
        }
        resources.sort { $0.id < $1.id }
        // Rules ranked by text once; each resource's verdicts are then ordered by rank.
        var rules = Ranking<String>()
        var ruleNumbers: [Int64: Int32] = [:]
        for (_, states) in resources {
            for verdict in states.verdicts where ruleNumbers[verdict.rule] == nil {
                ruleNumbers[verdict.rule] = rules.intern(try ruleText(verdict.rule))
            }
        }
        let ranks = rules.ranks()
        let ruleRanks = ruleNumbers.mapValues { ranks[Int($0)] }
        for (id, states) in resources {
            let ordered = states.verdicts.map { (rank: ruleRanks[$0.rule] ?? 0, verdict: $0) }.sorted { $0.rank < $1.rank }
            for (_, verdict) in ordered { try visit(id, verdict) }
        }
    }
}
