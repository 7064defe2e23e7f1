import Foundation
import TenetInventory

/// Walks every source's chain: links, digests over the stored rows, signatures, and the speed
/// tables against the state the rows replay to. Names the first block that does not match.
public struct ChainVerifier {
    public let store: any HistoryStore
    /// When given, every block must carry a valid signature by its private key.
    public let publicKey: HistoryPublicKey?

    public init(store: any HistoryStore, publicKey: HistoryPublicKey? = nil) {
        self.store = store
        self.publicKey = publicKey
    }

    /// The first thing wrong with a chain.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The first bad block; nil for a problem not tied to one block (a speed table, a head).
        public var sequence: Int?
        public var message: String

        public var description: String { sequence.map { "block \($0): \(message)" } ?? message }
    }

    public struct SourceReport: Sendable {
        public var source: HistorySource
        public var blocks: Int
        /// The latest block's digest, to publish with `history head`.
        public var head: String?
        public var problem: Problem?
    }

    public struct Report: Sendable {
        public var sources: [SourceReport]
        /// Published heads (`--head`) found in no chain: blocks were removed from an end or rewritten.
        public var missingHeads: [String]

        public var verified: Bool { missingHeads.isEmpty && sources.allSatisfy { $0.problem == nil } }
    }

    public func verify(heads: [String] = []) throws -> Report {
        var reports: [SourceReport] = []
        var digests = Set<String>()
        for source in try store.sources() {
            let (report, _, seen) = try replay(source)
            reports.append(report)
            digests.formUnion(seen)
        }
        return Report(sources: reports, missingHeads: heads.filter { !digests.contains($0.lowercased()) })
    }

    /// What the covered rows of `source` replay to through block `sequence`: each resource's
    /// configuration and each pair's compliance as that block left them. Meaningful for a chain
    /// that verifies; replay stops at the first bad block.
    public func state(of source: HistorySource, through sequence: Int) throws -> DerivedState {
        try replay(source, through: sequence).1
    }

    /// Replays `source` from its start (or its checkpoint's baseline), checking each block, up to
    /// `last` or its end; at its end, also checks the speed tables. Returns the replayed state and
    /// every digest seen.
    func replay(_ source: HistorySource, through last: Int? = nil) throws -> (SourceReport, DerivedState, Set<String>) {
        let blocks = try store.blocks(of: source)
        var report = SourceReport(source: source, blocks: blocks.count, head: blocks.last?.digest, problem: nil)
        var digests = Set<String>()
        guard let first = blocks.first else { return (report, DerivedState(), digests) }
        var state = DerivedState()
        var expectedPrevious = BlockDigest.genesis
        if first.sequence != 1 {
            guard let start = try start(after: first.sequence - 1, in: blocks) else {
                report.problem = Problem(sequence: first.sequence, message: "the chain starts here, but no checkpoint covers the blocks before it")
                return (report, state, digests)
            }
            (state, expectedPrevious) = start
        }
        var expectedSequence = first.sequence
        for block in blocks where last.map({ block.sequence <= $0 }) ?? true {
            if let problem = check(block, expectedSequence: expectedSequence, expectedPrevious: expectedPrevious, into: &state) {
                report.problem = problem
                return (report, state, digests)
            }
            digests.insert(block.digest)
            expectedPrevious = block.digest
            expectedSequence = block.sequence + 1
        }
        if last == nil {
            do {
                report.problem = try compareSpeedTables(of: source, with: state)
            } catch {
                report.problem = Problem(sequence: nil, message: "the speed tables cannot be read: \(error)")
            }
        }
        return (report, state, digests)
    }

    /// The baseline and link of the checkpoint that replaced blocks up to `sequence`.
    private func start(after sequence: Int, in blocks: [Block]) throws -> (DerivedState, String)? {
        for checkpoint in blocks.reversed() where checkpoint.kind == .checkpoint {
            guard let pruned = try? BlockHeader(parsing: checkpoint.header).prunedThrough, pruned.sequence == sequence else { continue }
            return (DerivedState(baselineOf: try store.content(of: checkpoint), prunedThrough: pruned.sequence), pruned.digest)
        }
        return nil
    }

    private func check(_ block: Block, expectedSequence: Int, expectedPrevious: String, into state: inout DerivedState) -> Problem? {
        guard block.sequence == expectedSequence else {
            return Problem(sequence: expectedSequence, message: "missing (the chain jumps to block \(block.sequence))")
        }
        guard block.previousDigest == expectedPrevious else {
            return Problem(sequence: block.sequence, message: "does not link to the previous block (expected \(expectedPrevious), found \(block.previousDigest))")
        }
        let content: BlockContent
        do {
            content = try store.content(of: block)
        } catch {
            return Problem(sequence: block.sequence, message: "its rows cannot be read: \(error)")
        }
        let digest = BlockDigest.compute(block: block, content: content)
        guard digest == block.digest else {
            return Problem(sequence: block.sequence, message: "its content does not match its digest (rows modified, removed, added or reordered)")
        }
        if let publicKey {
            guard let signature = block.signature else { return Problem(sequence: block.sequence, message: "is not signed") }
            guard publicKey.isValid(signature: signature, digest: digest) else {
                return Problem(sequence: block.sequence, message: "its signature does not match the public key")
            }
        }
        if block.kind == .snapshot { state.apply(content, sequence: block.sequence) }
        return nil
    }

    private func compareSpeedTables(of source: HistorySource, with state: DerivedState) throws -> Problem? {
        let resources = try store.currentResources(of: source)
        let stored = Dictionary(resources.map { ($0.resourceID, $0) }, uniquingKeysWith: { $1 })
        if stored.count != resources.count || stored != state.resources {
            let differing = Set(stored.keys).union(state.resources.keys).sorted().first { stored[$0] != state.resources[$0] }
            return Problem(sequence: nil, message: "the current-resources table disagrees with the recorded history (resource \(differing?.rawValue ?? "?"))")
        }
        let compliance = try store.currentCompliance(of: source)
        let storedCompliance = Dictionary(compliance.map { ($0.compliance.key, $0) }, uniquingKeysWith: { $1 })
        if storedCompliance.count != compliance.count || storedCompliance != state.compliance {
            let differing = Set(storedCompliance.keys).union(state.compliance.keys).sorted().first { storedCompliance[$0] != state.compliance[$0] }
            return Problem(sequence: nil, message: "the current-compliance table disagrees with the recorded history (rule \(differing?.ruleID ?? "?"), resource \(differing?.resourceID.rawValue ?? "?"))")
        }
        return nil
    }
}
