import Foundation
import TenetHistory
import TenetInventory

/// What the store holds about a period, read through the `HistoryStore` protocol, `HistoryQueries`
/// and `ChainVerifier`'s replay: the snapshot blocks captured in it with their rows and headers,
/// each chain's digests, the resources as they stood before it, and the compliance in force when
/// it starts and when it ends.
struct PeriodHistory {
    struct Snapshot {
        var block: Block
        var header: BlockHeader
        var content: BlockContent
    }

    struct Chain {
        var source: HistorySource
        /// Every block captured within the period, checkpoints included.
        var blocks: [Block]
        /// The source's latest block when the bundle was written.
        var head: Block?
    }

    var from: Date
    var to: Date
    /// Where durations stop: the period's end, or the time of export when that is earlier, since
    /// nothing is known of the time after it.
    var end: Date
    /// Snapshot blocks captured within [from, to], in capture order across sources.
    var snapshots: [Snapshot] = []
    var chains: [Chain] = []
    var atStart: [Recorded<CurrentCompliance>]
    var atEnd: [Recorded<CurrentCompliance>]
    /// Each source's resources as its last block before the period (or a checkpoint's baseline) left them.
    private var resourcesBefore: [HistorySource: [ResourceID: CurrentResource]] = [:]
    /// Each source's configuration versions in the period, per resource, in time order.
    private var versions: [HistorySource: [ResourceID: [(time: Date, configuration: String?)]]] = [:]

    init(store: any HistoryStore, from: Date, to: Date, now: Date) throws {
        self.from = from
        self.to = to
        end = max(from, min(to, now))
        let replay = ChainVerifier(store: store)
        for source in try store.sources() {
            let blocks = try store.blocks(of: source)
            let inPeriod = blocks.filter { $0.capturedAt >= from && $0.capturedAt <= to }
            chains.append(Chain(source: source, blocks: inPeriod, head: blocks.last))
            // The last block before the period; for a pruned chain with none left, the
            // checkpoint's baseline, which replaying through the first remaining block's
            // predecessor yields.
            let before = blocks.last(where: { $0.capturedAt < from })?.sequence ?? ((blocks.first?.sequence ?? 1) - 1)
            if before > 0 {
                resourcesBefore[source] = try replay.state(of: source, through: before).resources
            }
            for block in inPeriod where block.kind == .snapshot {
                let content = try store.content(of: block)
                snapshots.append(Snapshot(block: block, header: try BlockHeader(parsing: block.header), content: content))
                for version in content.versions {
                    versions[source, default: [:]][version.resourceID, default: []].append((block.capturedAt, version.configuration))
                }
            }
        }
        snapshots.sort { ($0.block.capturedAt, $0.block.source) < ($1.block.capturedAt, $1.block.source) }
        let queries = HistoryQueries(store: store)
        atStart = try queries.compliance(at: from)
        atEnd = try queries.compliance(at: to)
    }

    /// The configuration `source` recorded for `resource` as of `time` within the period (canonical
    /// JSON); nil when the resource did not exist then. Read from memory, so a bundle listing many
    /// non-compliant resources asks the store nothing more.
    func configuration(of resource: ResourceID, in source: HistorySource, at time: Date) -> String? {
        if let version = versions[source]?[resource]?.last(where: { $0.time <= time }) { return version.configuration }
        return resourcesBefore[source]?[resource]?.configuration
    }

    /// Every stretch of the period in which a (rule, resource) pair was non-compliant: those
    /// already non-compliant at its start, then each transition into and out of the state.
    /// State is taken to hold from one snapshot to the next.
    func nonCompliantIntervals() -> [NonCompliantInterval] {
        struct Key: Hashable {
            var source: HistorySource
            var pair: ComplianceKey
        }
        var open: [Key: NonCompliantInterval] = [:]
        var closed: [NonCompliantInterval] = []
        for state in atStart where state.row.state == .nonCompliant {
            open[Key(source: state.source, pair: state.row.key)] = NonCompliantInterval(
                source: state.source, pair: state.row.key, resourceType: state.row.resourceType, entered: state.capturedAt,
                ruleVersionHash: state.row.ruleVersionHash, checks: state.row.checks)
        }
        for snapshot in snapshots {
            let time = snapshot.block.capturedAt
            for transition in snapshot.content.transitions {
                let pair = ComplianceKey(ruleID: transition.ruleID, resourceID: transition.resourceID)
                let key = Key(source: snapshot.block.source, pair: pair)
                if transition.newState == .nonCompliant {
                    // A snapshot at the period's very start is already in `atStart`.
                    guard open[key] == nil else { continue }
                    open[key] = NonCompliantInterval(
                        source: key.source, pair: pair, resourceType: transition.resourceType, entered: time,
                        ruleVersionHash: transition.ruleVersionHash, checks: transition.checks)
                } else if var interval = open.removeValue(forKey: key) {
                    interval.left = time
                    closed.append(interval)
                }
            }
        }
        return (closed + open.values).sorted { ($0.pair, $0.entered, $0.source) < ($1.pair, $1.entered, $1.source) }
    }
}
