import Foundation
import TenetInventory

/// Where history is kept. The SQLite and PostgreSQL stores pass one contract suite; everything
/// above this protocol — recording, digests, verification, queries — is shared.
///
/// A store persists blocks and their covered rows exactly as given, and keeps its speed tables
/// (current resources and compliance) by applying `DerivedState` to each block's rows, the same
/// rule `verify` replays.
public protocol HistoryStore: AnyObject {
    /// A human name for messages (`history.db`, `postgres://host/db`).
    var location: String { get }

    /// Reads the source's latest state, lets `prepare` build the next block from it, and writes
    /// that block with its rows and speed-table updates in one transaction: all of it or none.
    /// Recorders of one source are serialized, so `prepare` always sees the latest block.
    func append(source: HistorySource, prepare: (PreviousState) throws -> PreparedBlock) throws -> Block

    func sources() throws -> [HistorySource]
    /// In sequence order.
    func blocks(of source: HistorySource) throws -> [Block]
    func content(of block: Block) throws -> BlockContent
    func currentResources(of source: HistorySource) throws -> [CurrentResource]
    /// The current-compliance table as stored, in any order.
    func currentCompliance(of source: HistorySource) throws -> [CurrentVerdict]

    /// The resource ids the store has seen that equal `name` or end with it, for naming a resource
    /// by a suffix; `HistoryQueries.resolve` keeps those whose suffix starts after a separator.
    func resourceIDs(endingWith name: String) throws -> [ResourceID]
    /// Every row about one resource, each with its block's time.
    func history(of resource: ResourceID) throws -> ResourceHistory
    /// The state of every (rule, resource) pair of `times.source` as of block `sequence`, each
    /// recorded with the block that began it, in (resource, rule) order. A pair whose current
    /// state began by then is read from the current-compliance table; only one that changed after
    /// it takes its last transition at or before it, or, with none kept, the checkpoint's baseline.
    /// Each is handed to `visit` as it is read, so the answer is never held whole.
    func compliance(through sequence: Int, of times: BlockTimes, each visit: (Recorded<CurrentCompliance>) throws -> Void) throws
    /// One rule's per-snapshot counts, in time order.
    func summaries(of rule: String) throws -> [Recorded<RuleSummary>]

    /// Appends `checkpoint` and removes every block of `source` up to `sequence` with its rows,
    /// in one transaction.
    func prune(source: HistorySource, removingThrough sequence: Int, checkpoint: PreparedBlock) throws
}

/// What a recording compares against.
public struct PreviousState: Sendable {
    public var latest: Block?
    public var resources: [ResourceID: CurrentResource]
    /// Every current (rule, resource) verdict, in any order: the recorder orders them itself, which
    /// is cheaper than a million-entry dictionary.
    public var compliance: [CurrentCompliance]

    public init(latest: Block?, resources: [ResourceID: CurrentResource], compliance: [CurrentCompliance]) {
        self.latest = latest
        self.resources = resources
        self.compliance = compliance
    }
}

/// A block ready to write: its digest is computed over exactly this content.
public struct PreparedBlock: Sendable {
    public var block: Block
    public var content: BlockContent

    public init(block: Block, content: BlockContent) {
        self.block = block
        self.content = content
    }
}

/// A row with the block that holds it.
public struct Recorded<Row: Sendable>: Sendable {
    public var source: HistorySource
    public var sequence: Int
    public var capturedAt: Date
    public var row: Row

    public init(source: HistorySource, sequence: Int, capturedAt: Date, row: Row) {
        self.source = source
        self.sequence = sequence
        self.capturedAt = capturedAt
        self.row = row
    }
}

/// Everything the store holds about one resource, in block order.
public struct ResourceHistory: Sendable {
    public var versions: [Recorded<ConfigurationVersion>] = []
    public var changes: [Recorded<FieldChange>] = []
    public var transitions: [Recorded<ComplianceTransition>] = []
    /// The configuration a checkpoint kept when older versions were pruned; its time is the last
    /// pruned block's.
    public var baselines: [Recorded<CurrentResource>] = []
    public var baselineCompliance: [Recorded<CurrentCompliance>] = []

    public init() {}
}
