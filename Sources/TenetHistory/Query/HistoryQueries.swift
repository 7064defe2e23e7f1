import Foundation
import TenetDocument
import TenetInventory
import TenetScan

/// The questions an auditor asks of the store, answered the same way whichever store holds it.
public struct HistoryQueries {
    public let store: any HistoryStore

    public init(store: any HistoryStore) { self.store = store }

    /// The resource id a user's name refers to; see `ResourceName`.
    public func resolve(_ name: String) throws -> ResourceID {
        try ResourceName.resolve(name, among: store.resourceIDs(endingWith: name))
    }

    /// Versions (with their changes), transitions and baselines in time order.
    public func timeline(of resource: ResourceID) throws -> [TimelineEntry] {
        let history = try store.history(of: resource)
        var changes: [String: [FieldChange]] = [:]
        for change in history.changes { changes["\(change.source)\u{1F}\(change.sequence)", default: []].append(change.row) }
        var entries: [TimelineEntry] = []
        for baseline in history.baselines {
            let compliance = history.baselineCompliance.filter { $0.source == baseline.source && $0.sequence == baseline.sequence }.map(\.row)
            entries.append(TimelineEntry(source: baseline.source, sequence: baseline.sequence, time: try baselineTime(baseline),
                                         event: .baseline(baseline.row, compliance: compliance)))
        }
        for version in history.versions {
            entries.append(TimelineEntry(
                source: version.source, sequence: version.sequence, time: version.capturedAt,
                event: .version(version.row, changes: changes["\(version.source)\u{1F}\(version.sequence)"] ?? [])))
        }
        for transition in history.transitions {
            entries.append(TimelineEntry(source: transition.source, sequence: transition.sequence, time: transition.capturedAt,
                                         event: .transition(transition.row)))
        }
        return entries.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    /// A checkpoint's baseline describes the last pruned block's time, which its header records.
    private func baselineTime<Row>(_ baseline: Recorded<Row>) throws -> Date {
        let checkpoint = try store.blocks(of: baseline.source).first { $0.sequence == baseline.sequence }
        guard let checkpoint, let pruned = try BlockHeader(parsing: checkpoint.header).prunedThrough else { return baseline.capturedAt }
        return HistoryTime.date(milliseconds: pruned.capturedAtMilliseconds)
    }

    /// The resource's configuration as of `time`: nil when it did not exist then.
    public func configuration(of resource: ResourceID, at time: Date) throws -> Value? {
        var latest: (time: Date, configuration: String?)?
        for entry in try timeline(of: resource) where entry.time <= time {
            switch entry.event {
            case .version(let version, _): latest = (entry.time, version.configuration)
            case .baseline(let kept?, _): if latest.map({ $0.time <= entry.time }) ?? true { latest = (entry.time, kept.configuration) }
            case .baseline(nil, _), .transition: break
            }
        }
        return latest?.configuration.flatMap(CanonicalConfiguration.parse)
    }

    /// The field changes between the configurations in force at `from` and at `to`.
    public func diff(of resource: ResourceID, from: Date, to: Date) throws -> [FieldChange] {
        let before = try configuration(of: resource, at: from) ?? .null
        let after = try configuration(of: resource, at: to) ?? .null
        return ConfigurationDiff.between(before, after).map { entry in
            FieldChange(resourceID: resource, path: entry.path.description, oldValue: entry.old.map(CanonicalConfiguration.text),
                        newValue: entry.new.map(CanonicalConfiguration.text))
        }
    }

    /// The state of every (rule, resource) pair as of `time`, each with when it entered that state;
    /// only the given rules when `rules` is set (a rule or a pack's rule ids). In (resource, rule,
    /// source) order: each store answers a source in (resource, rule) order, and sources are merged.
    public func compliance(at time: Date, rules: Set<String>? = nil) throws -> [Recorded<CurrentCompliance>] {
        var states: [Recorded<CurrentCompliance>] = []
        try compliance(at: time, rules: rules) { states.append($0) }
        return states
    }

    /// The same verdicts handed to `visit` in order. With one source they go straight from the
    /// store to `visit`, so a million of them are never held at once; several sources are
    /// gathered to be merged.
    public func compliance(at time: Date, rules: Set<String>? = nil, each visit: (Recorded<CurrentCompliance>) throws -> Void) throws {
        var asOf: [(sequence: Int, times: BlockTimes)] = []
        for source in try store.sources() {
            let times = try BlockTimes(source: source, blocks: try store.blocks(of: source))
            if let sequence = times.lastSequence(at: time) { asOf.append((sequence, times)) }
        }
        let selected: (Recorded<CurrentCompliance>) -> Bool = { state in rules.map { $0.contains(state.row.key.ruleID) } ?? true }
        guard asOf.count > 1 else {
            guard let only = asOf.first else { return }
            try store.compliance(through: only.sequence, of: only.times) { state in if selected(state) { try visit(state) } }
            return
        }
        var gathered: [Recorded<CurrentCompliance>] = []
        for (sequence, times) in asOf {
            try store.compliance(through: sequence, of: times) { state in if selected(state) { gathered.append(state) } }
        }
        // Stable: a pair's verdicts from several sources stay in source order.
        var order = PairOrder(capacity: gathered.count)
        for state in gathered { order.append(rule: state.row.key.ruleID, resource: state.row.key.resourceID) }
        for position in order.sortedPositions() { try visit(gathered[position]) }
    }

    /// How a rule's counts moved, one point per recorded snapshot that ran it.
    public func ruleHistory(of rule: String) throws -> [RulePoint] {
        var points: [RulePoint] = []
        for summary in try store.summaries(of: rule) {
            if let last = points.last, last.source == summary.source, last.time == summary.capturedAt {
                points[points.count - 1].counts[summary.row.state] = summary.row.count
            } else {
                points.append(RulePoint(source: summary.source, time: summary.capturedAt, ruleVersionHash: summary.row.ruleVersionHash,
                                        counts: [summary.row.state: summary.row.count]))
            }
        }
        return points
    }
}
