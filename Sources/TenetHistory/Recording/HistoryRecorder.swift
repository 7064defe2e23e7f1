import Foundation
import TenetDocument
import TenetInventory
import TenetScan

/// Records one scanned snapshot as the next block of its source's chain.
///
/// `tenet scan --record` and `tenet history record` call `record(header:resources:result:)` with the
/// inventory they scanned and the scan's result; everything else — comparing with the previous
/// snapshot, digests, signatures, the single transaction — happens here.
public struct HistoryRecorder {
    public let store: any HistoryStore
    public let signingKey: HistorySigningKey?

    public init(store: any HistoryStore, signingKey: HistorySigningKey? = nil) {
        self.store = store
        self.signingKey = signingKey
    }

    /// What one recording wrote.
    public struct Report: Sendable {
        public var block: Block
        public var created = 0
        public var updated = 0
        public var deleted = 0
        public var changes = 0
        public var transitions = 0
        /// Every covered row written: versions, changes, transitions and summaries.
        public var rows = 0
    }

    /// Records a snapshot. `source` defaults to the one the header names (its account and
    /// regions, or its template paths). Throws `HistoryError` with kind `.outOfOrder` when the
    /// snapshot is not newer than the source's latest, and writes nothing then or on any error.
    @discardableResult
    public func record<Resources: Sequence<InventoryResource>>(
        header: SnapshotHeader, resources: Resources, result: ScanResult, source: HistorySource? = nil
    ) throws -> Report {
        let source = source ?? HistorySource(header: header)
        let observed = resources.map(ObservedResource.init)
        var report: Report?
        _ = try store.append(source: source) { previous in
            let prepared = try prepare(header: header, observed: observed, result: result, source: source, previous: previous, report: &report)
            return prepared
        }
        return report!
    }

    /// A resource reduced to what comparison needs, so the inventory's documents are released early.
    private struct ObservedResource {
        var id: ResourceID
        var type: ResourceType
        var hash: String
        var configuration: Value

        init(_ resource: InventoryResource) {
            id = resource.id
            type = resource.type
            hash = resource.configurationHash
            configuration = CanonicalConfiguration.value(of: resource)
        }
    }

    private func prepare(
        header: SnapshotHeader, observed: [ObservedResource], result: ScanResult, source: HistorySource, previous: PreviousState,
        report: inout Report?
    ) throws -> PreparedBlock {
        if let latest = previous.latest, HistoryTime.milliseconds(header.capturedAt) <= HistoryTime.milliseconds(latest.capturedAt) {
            throw HistoryError(.outOfOrder, "refusing to record a snapshot captured at \(HistoryTime.format(header.capturedAt)): source \(source) already has one from \(HistoryTime.format(latest.capturedAt)); snapshots are recorded in capture order")
        }
        let blockHeader = BlockHeader(snapshot: header, result: result)
        let failedTypes = Set(blockHeader.failedTypes)
        var content = BlockContent()
        var counts = (created: 0, updated: 0, deleted: 0)

        var seen = Set<ResourceID>()
        for resource in observed.sorted(by: { $0.id < $1.id }) where seen.insert(resource.id).inserted {
            if let before = previous.resources[resource.id] {
                guard before.configurationHash != resource.hash else { continue }
                content.versions.append(version(resource, .updated))
                counts.updated += 1
                let old = CanonicalConfiguration.parse(before.configuration) ?? .null
                for entry in ConfigurationDiff.between(old, resource.configuration) {
                    content.changes.append(FieldChange(
                        resourceID: resource.id, path: entry.path.description, oldValue: entry.old.map(CanonicalConfiguration.text),
                        newValue: entry.new.map(CanonicalConfiguration.text)))
                }
            } else {
                content.versions.append(version(resource, .created))
                counts.created += 1
            }
        }
        var deleted = Set<ResourceID>()
        for before in previous.resources.values.sorted(by: { $0.resourceID < $1.resourceID })
        where !seen.contains(before.resourceID) && !failedTypes.contains(before.resourceType.rawValue) {
            content.versions.append(ConfigurationVersion(
                resourceID: before.resourceID, resourceType: before.resourceType, status: .deleted, configurationHash: "", configuration: nil))
            deleted.insert(before.resourceID)
            counts.deleted += 1
        }

        content.transitions = transitions(result: result, previous: previous, deleted: deleted, failedTypes: failedTypes)
        content.summaries = summaries(result)

        let sequence = (previous.latest?.sequence ?? 0) + 1
        let previousDigest = previous.latest?.digest ?? BlockDigest.genesis
        let headerText = blockHeader.canonicalText
        let digest = BlockDigest.compute(
            source: source, sequence: sequence, kind: .snapshot, capturedAt: header.capturedAt, header: headerText,
            previousDigest: previousDigest, content: content)
        let block = Block(
            source: source, sequence: sequence, kind: .snapshot, capturedAt: HistoryTime.date(milliseconds: HistoryTime.milliseconds(header.capturedAt)),
            header: headerText, previousDigest: previousDigest, digest: digest, signature: try signingKey?.sign(digest: digest))
        report = Report(
            block: block, created: counts.created, updated: counts.updated, deleted: counts.deleted, changes: content.changes.count,
            transitions: content.transitions.count,
            rows: content.versions.count + content.changes.count + content.transitions.count + content.summaries.count)
        return PreparedBlock(block: block, content: content)
    }

    private func version(_ resource: ObservedResource, _ status: ConfigurationVersion.Status) -> ConfigurationVersion {
        ConfigurationVersion(
            resourceID: resource.id, resourceType: resource.type, status: status, configurationHash: resource.hash,
            configuration: CanonicalConfiguration.text(resource.configuration))
    }

    /// A transition for every pair whose state differs from the previous snapshot's, the first
    /// sighting included; a pair that disappears is removed when its resource was deleted, or when
    /// its rule ran on a type that was read and no longer reports it.
    private func transitions(result: ScanResult, previous: PreviousState, deleted: Set<ResourceID>, failedTypes: Set<String>) -> [ComplianceTransition] {
        var transitions: [ComplianceTransition] = []
        var evaluated = Set<ComplianceKey>()
        let ordered = result.evaluations.sorted { ($0.ruleID, $0.resource.id) < ($1.ruleID, $1.resource.id) }
        for evaluation in ordered {
            let key = ComplianceKey(ruleID: evaluation.ruleID, resourceID: evaluation.resource.id)
            guard evaluated.insert(key).inserted else { continue }
            let before = previous.compliance[key]?.state
            guard before != evaluation.state else { continue }
            transitions.append(ComplianceTransition(
                ruleID: evaluation.ruleID, resourceID: evaluation.resource.id, resourceType: evaluation.resource.type, oldState: before,
                newState: evaluation.state, ruleVersionHash: result.rule(evaluation.ruleID)?.versionHash ?? "",
                checks: FailingCheckEncoding.text(evaluation.checks)))
        }
        let rulesRun = Set(result.rules.map(\.id))
        for before in previous.compliance.values.sorted(by: { $0.key < $1.key }) where !evaluated.contains(before.key) {
            let ruleRanOnReadType = rulesRun.contains(before.key.ruleID) && !failedTypes.contains(before.resourceType.rawValue)
            guard deleted.contains(before.key.resourceID) || ruleRanOnReadType else { continue }
            transitions.append(ComplianceTransition(
                ruleID: before.key.ruleID, resourceID: before.key.resourceID, resourceType: before.resourceType, oldState: before.state,
                newState: nil, ruleVersionHash: result.rule(before.key.ruleID)?.versionHash ?? before.ruleVersionHash,
                checks: FailingCheckEncoding.empty))
        }
        return transitions
    }

    private func summaries(_ result: ScanResult) -> [RuleSummary] {
        var counts: [String: [ComplianceState: Int]] = [:]
        for evaluation in result.evaluations { counts[evaluation.ruleID, default: [:]][evaluation.state, default: 0] += 1 }
        return counts.keys.sorted().flatMap { rule in
            counts[rule]!.sorted { $0.key < $1.key }.map { state, count in
                RuleSummary(ruleID: rule, ruleVersionHash: result.rule(rule)?.versionHash ?? "", state: state, count: count)
            }
        }
    }
}
