import Foundation
import TenetHistory
import TenetRules
import TenetScan

/// The tables of a bundle, computed from the period's history: per rule and per control, the
/// counts at each snapshot, the non-compliant resources with their configuration, the
/// suppressions in force, and the change log.
struct EvidenceContent {
    var tables: [EvidenceTable]
    /// The version hashes of every reported rule seen in the period, for the manifest.
    var ruleVersions: [String: Set<String>]

    init(period: PeriodHistory, request: EvidenceRequest, library: ManagedRuleLibrary) {
        let intervals = period.nonCompliantIntervals().filter { request.selects($0.pair.ruleID) }
        let figures = RuleFigures.of(period, request: request, intervals: intervals)
        ruleVersions = figures.mapValues(\.versionHashes)
        let time = TimeText()
        tables = [
            Self.rules(figures, library: library),
            Self.controls(figures, library: library),
            Self.ruleStates(period, request: request, time: time),
            Self.nonCompliantResources(intervals, period: period, time: time),
            Self.suppressions(period, request: request, time: time),
            Self.configurationVersions(period, time: time),
            Self.fieldChanges(period, time: time),
        ]
    }

    private static let stateColumns = ComplianceState.allCases.map { $0.rawValue.lowercased() }

    private static func optional(_ text: String?) -> EvidenceTable.Cell { text.map(EvidenceTable.Cell.string) ?? .null }
    private static func strings<Texts: Sequence<String>>(_ texts: Texts) -> EvidenceTable.Cell { .strings(texts.sorted()) }

    /// Stored JSON text (a configuration, a value, the checks), null when absent.
    private static func embedded(_ text: String?) -> EvidenceTable.Cell { text.map(EvidenceTable.Cell.json) ?? .null }

    private static func counts(_ byState: [ComplianceState: Int]) -> [EvidenceTable.Cell] {
        ComplianceState.allCases.map { .int(Int64(byState[$0] ?? 0)) }
    }

    private static func controlNames(_ metadata: RuleMetadata?) -> [String] {
        (metadata?.controls ?? [:]).sorted { $0.key < $1.key }.flatMap { framework, ids in ids.map { "\(framework.rawValue):\($0)" } }
    }

    private static func rules(_ figures: [String: RuleFigures], library: ManagedRuleLibrary) -> EvidenceTable {
        EvidenceTable(
            name: "rules",
            columns: ["rule", "title", "severity", "controls", "rule_versions", "snapshots", "state_at_end"]
                + stateColumns.map { $0 + "_at_end" } + ["resources_non_compliant_in_period", "non_compliant_seconds"],
            rows: figures.values.sorted { $0.ruleID < $1.ruleID }.map { rule in
                let metadata = library.rule(rule.ruleID)?.metadata
                return [.string(rule.ruleID), optional(metadata?.title), optional(metadata?.severity.rawValue),
                        .strings(controlNames(metadata)), strings(rule.versionHashes), .int(Int64(rule.snapshots)),
                        optional(rule.stateAtEnd?.rawValue)]
                    + counts(rule.atEnd) + [.int(Int64(rule.nonCompliantResources.count)), .int(rule.nonCompliantSeconds)]
            })
    }

    /// One row per control a reported rule is mapped to, its figures summed over those rules.
    private static func controls(_ figures: [String: RuleFigures], library: ManagedRuleLibrary) -> EvidenceTable {
        struct Control: Hashable, Comparable {
            var framework: ControlFramework
            var id: String
            static func < (lhs: Control, rhs: Control) -> Bool { (lhs.framework, lhs.id) < (rhs.framework, rhs.id) }
        }
        var rulesOf: [Control: [RuleFigures]] = [:]
        for rule in figures.values {
            for (framework, ids) in library.rule(rule.ruleID)?.metadata.controls ?? [:] {
                for id in ids { rulesOf[Control(framework: framework, id: id), default: []].append(rule) }
            }
        }
        return EvidenceTable(
            name: "controls",
            columns: ["framework", "control", "rules", "state_at_end", "rules_non_compliant_at_end", "non_compliant_resources_at_end",
                      "resources_non_compliant_in_period", "non_compliant_seconds"],
            rows: rulesOf.keys.sorted().map { control in
                let rules = rulesOf[control]!
                let resources = rules.reduce(into: Set<String>()) { $0.formUnion($1.nonCompliantResources) }
                return [.string(control.framework.rawValue), .string(control.id), strings(rules.map(\.ruleID)),
                        optional(rules.compactMap(\.stateAtEnd).min()?.rawValue),
                        .int(Int64(rules.filter { ($0.atEnd[.nonCompliant] ?? 0) > 0 }.count)),
                        .int(Int64(rules.reduce(0) { $0 + ($1.atEnd[.nonCompliant] ?? 0) })),
                        .int(Int64(resources.count)), .int(rules.reduce(0) { $0 + $1.nonCompliantSeconds })]
            })
    }

    /// Each snapshot's counts per state for each reported rule it ran: the state over the period.
    private static func ruleStates(_ period: PeriodHistory, request: EvidenceRequest, time: TimeText) -> EvidenceTable {
        var rows: [[EvidenceTable.Cell]] = []
        for snapshot in period.snapshots {
            var byRule: [String: (version: String, counts: [ComplianceState: Int])] = [:]
            for summary in snapshot.content.summaries where request.selects(summary.ruleID) {
                byRule[summary.ruleID, default: (summary.ruleVersionHash, [:])].counts[summary.state] = summary.count
            }
            for (rule, entry) in byRule.sorted(by: { $0.key < $1.key }) {
                rows.append([time(snapshot.block.capturedAt), .string(snapshot.block.source.rawValue), .int(Int64(snapshot.block.sequence)),
                             .string(rule), .string(entry.version)] + counts(entry.counts))
            }
        }
        return EvidenceTable(name: "rule-states", columns: ["time", "source", "block", "rule", "rule_version"] + stateColumns, rows: rows)
    }

    /// Each non-compliant stretch with the resource's configuration when it began (or when the
    /// period began, for one already under way).
    private static func nonCompliantResources(_ intervals: [NonCompliantInterval], period: PeriodHistory, time: TimeText) -> EvidenceTable {
        EvidenceTable(
            name: "non-compliant-resources",
            columns: ["rule", "resource", "resource_type", "source", "non_compliant_from", "non_compliant_until", "seconds_in_period",
                      "rule_version", "checks", "configuration"],
            rows: intervals.map { interval in
                let configuration = period.configuration(of: interval.pair.resourceID, in: interval.source, at: max(interval.entered, period.from))
                return [.string(interval.pair.ruleID), .string(interval.pair.resourceID.rawValue), .string(interval.resourceType.rawValue),
                        .string(interval.source.rawValue), time(interval.entered), interval.left.map { time($0) } ?? .null,
                        .int(interval.seconds(from: period.from, to: period.end)), .string(interval.ruleVersionHash),
                        embedded(interval.checks), embedded(configuration)]
            })
    }

    /// Every suppression that covered a verdict in the period, with the snapshots it was seen in.
    private static func suppressions(_ period: PeriodHistory, request: EvidenceRequest, time: TimeText) -> EvidenceTable {
        struct Key: Hashable {
            var source: HistorySource
            var record: SuppressionRecord
        }
        var seen: [Key: (first: Date, last: Date, snapshots: Int)] = [:]
        for snapshot in period.snapshots {
            let captured = snapshot.block.capturedAt
            for record in snapshot.header.suppressions ?? [] where request.selects(record.rule) {
                let key = Key(source: snapshot.block.source, record: record)
                let earlier = seen[key]
                seen[key] = (earlier?.first ?? captured, captured, (earlier?.snapshots ?? 0) + 1)
            }
        }
        return EvidenceTable(
            name: "suppressions",
            columns: ["rule", "resource", "owner", "reason", "expires", "origin", "source", "first_seen", "last_seen", "snapshots"],
            rows: seen.sorted { ($0.key.record, $0.key.source) < ($1.key.record, $1.key.source) }.map { key, seen in
                [.string(key.record.rule), .string(key.record.resource), optional(key.record.owner), optional(key.record.reason),
                 optional(key.record.expires), .string(key.record.origin.rawValue), .string(key.source.rawValue), time(seen.first),
                 time(seen.last), .int(Int64(seen.snapshots))]
            })
    }

    private static func configurationVersions(_ period: PeriodHistory, time: TimeText) -> EvidenceTable {
        EvidenceTable(
            name: "configuration-versions",
            columns: ["time", "source", "block", "resource", "resource_type", "status", "configuration_hash", "configuration"],
            rows: period.snapshots.flatMap { snapshot in
                snapshot.content.versions.map { version in
                    [time(snapshot.block.capturedAt), .string(snapshot.block.source.rawValue), .int(Int64(snapshot.block.sequence)),
                     .string(version.resourceID.rawValue), .string(version.resourceType.rawValue), .string(version.status.rawValue),
                     version.status == .deleted ? .null : .string(version.configurationHash), embedded(version.configuration)]
                }
            })
    }

    private static func fieldChanges(_ period: PeriodHistory, time: TimeText) -> EvidenceTable {
        EvidenceTable(
            name: "field-changes",
            columns: ["time", "source", "block", "resource", "path", "old_value", "new_value"],
            rows: period.snapshots.flatMap { snapshot in
                snapshot.content.changes.map { change in
                    [time(snapshot.block.capturedAt), .string(snapshot.block.source.rawValue), .int(Int64(snapshot.block.sequence)),
                     .string(change.resourceID.rawValue), .string(change.path), embedded(change.oldValue), embedded(change.newValue)]
                }
            })
    }
}
