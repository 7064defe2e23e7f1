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
        try ResourceName.resolve(name, among: store.resourceIDs())
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
    /// only the given rules when `rules` is set (a rule or a pack's rule ids).
    public func compliance(at time: Date, rules: Set<String>? = nil) throws -> [Recorded<CurrentCompliance>] {
        var states: [HistorySource: [ComplianceKey: Recorded<CurrentCompliance>]] = [:]
        for source in try store.sources() {
            guard let checkpoint = try store.blocks(of: source).last(where: { $0.kind == .checkpoint }),
                  let pruned = try BlockHeader(parsing: checkpoint.header).prunedThrough else { continue }
            let since = HistoryTime.date(milliseconds: pruned.capturedAtMilliseconds)
            guard since <= time else { continue }
            for kept in try store.content(of: checkpoint).baselineCompliance {
                states[source, default: [:]][kept.key] = Recorded(source: source, sequence: pruned.sequence, capturedAt: since, row: kept)
            }
        }
        for transition in try store.latestTransitions(at: time) {
            let row = transition.row
            let key = ComplianceKey(ruleID: row.ruleID, resourceID: row.resourceID)
            states[transition.source, default: [:]][key] = row.newState.map { state in
                Recorded(source: transition.source, sequence: transition.sequence, capturedAt: transition.capturedAt, row: CurrentCompliance(
                    key: key, resourceType: row.resourceType, state: state, ruleVersionHash: row.ruleVersionHash, checks: row.checks))
            }
        }
        return states.values.flatMap(\.values)
            .filter { rules?.contains($0.row.key.ruleID) ?? true }
            .sorted { ($0.row.key, $0.source) < ($1.row.key, $1.source) }
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
