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

    /// A resource with its configuration hash. Its canonical configuration is built only when a
    /// version is written — for the few resources that changed, not for every one scanned.
    private struct ObservedResource {
        var resource: InventoryResource
        var hash: String

        var id: ResourceID { resource.id }
        var type: ResourceType { resource.type }
        var configuration: Value { CanonicalConfiguration.value(of: resource) }

        init(_ resource: InventoryResource) {
            self.resource = resource
            hash = resource.configurationHash
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
    /// its rule ran on a type that was read and no longer reports it. In (resource, rule) order.
    private func transitions(result: ScanResult, previous: PreviousState, deleted: Set<ResourceID>, failedTypes: Set<String>) -> [ComplianceTransition] {
        // Previous verdicts first, so after the stable sort each pair's group starts with its
        // previous verdict (if any), then its evaluations (the first one counts).
        var order = PairOrder(capacity: previous.compliance.count + result.evaluations.count)
        previous.compliance.withUnsafeBufferPointer { verdicts in
            for index in verdicts.indices { order.append(rule: verdicts[index].key.ruleID, resource: verdicts[index].key.resourceID) }
        }
        result.evaluations.withUnsafeBufferPointer { evaluations in
            for index in evaluations.indices { order.append(rule: evaluations[index].ruleID, resource: evaluations[index].resource.id) }
        }
        let previousCount = previous.compliance.count
        let rulesRun = Set(result.rules.map(\.id))
        let versionHashes = order.ruleIDs.map { result.rule($0)?.versionHash }
        let sorted = order.sortedPositions()
        var transitions: [ComplianceTransition] = []
        var checkTexts = FailingCheckEncoding.Memo()
        // Buffers, so the loop reads the fields it compares instead of copying whole verdicts.
        previous.compliance.withUnsafeBufferPointer { verdicts in
            result.evaluations.withUnsafeBufferPointer { evaluations in
                var start = 0
                while start < sorted.count {
                    var end = start + 1
                    while end < sorted.count, order.same(sorted[start], sorted[end]) { end += 1 }
                    let before = sorted[start] < previousCount ? sorted[start] : nil
                    let first = before == nil ? start : start + 1
                    let versionHash = versionHashes[order.ruleNumber(at: sorted[start])]
                    start = end
                    if first < end {
                        let evaluation = sorted[first] - previousCount
                        let oldState = before.map { verdicts[$0].state }
                        guard oldState != evaluations[evaluation].state else { continue }
                        transitions.append(ComplianceTransition(
                            ruleID: evaluations[evaluation].ruleID, resourceID: evaluations[evaluation].resource.id,
                            resourceType: evaluations[evaluation].resource.type, oldState: oldState, newState: evaluations[evaluation].state,
                            ruleVersionHash: versionHash ?? "", checks: checkTexts.text(evaluations[evaluation].checks, of: evaluations[evaluation].ruleID)))
                    } else if let before {
                        let verdict = verdicts[before]
                        let ruleRanOnReadType = rulesRun.contains(verdict.key.ruleID) && !failedTypes.contains(verdict.resourceType.rawValue)
                        guard deleted.contains(verdict.key.resourceID) || ruleRanOnReadType else { continue }
                        transitions.append(ComplianceTransition(
                            ruleID: verdict.key.ruleID, resourceID: verdict.key.resourceID, resourceType: verdict.resourceType,
                            oldState: verdict.state, newState: nil, ruleVersionHash: versionHash ?? verdict.ruleVersionHash,
                            checks: FailingCheckEncoding.empty))
                    }
                }
            }
        }
        return transitions
    }

    private func summaries(_ result: ScanResult) -> [RuleSummary] {
        let states = ComplianceState.allCases
        var rules = Ranking<String>()
        // Per rule number, a count per state (by its position in `states`).
        var counts: [Int] = []
        result.evaluations.withUnsafeBufferPointer { evaluations in
            for index in evaluations.indices {
                let number = Int(rules.intern(evaluations[index].ruleID))
                if number * states.count == counts.count { counts.append(contentsOf: repeatElement(0, count: states.count)) }
                counts[number * states.count + states.firstIndex(of: evaluations[index].state)!] += 1
            }
        }
        let ordered = states.indices.sorted { states[$0] < states[$1] }
        return rules.sortedNumbers().flatMap { number in
            let rule = rules.keys[number]
            let versionHash = result.rule(rule)?.versionHash ?? ""
            return ordered.compactMap { state in
                let count = counts[number * states.count + state]
                return count == 0 ? nil : RuleSummary(ruleID: rule, ruleVersionHash: versionHash, state: states[state], count: count)
            }
        }
    }
}
