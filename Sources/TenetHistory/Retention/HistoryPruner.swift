import Foundation

/// Removes blocks older than a cutoff, as AWS Config's retention period does, while keeping each
/// resource's current state: a checkpoint block holds the state as of the last removed block, so
/// the remaining chain still replays and verifies from it.
public struct HistoryPruner {
    public let store: any HistoryStore
    public let signingKey: HistorySigningKey?

    public init(store: any HistoryStore, signingKey: HistorySigningKey? = nil) {
        self.store = store
        self.signingKey = signingKey
    }

    public struct Report: Sendable {
        public var source: HistorySource
        public var removedBlocks: Int
        public var checkpoint: Block
    }

    /// Prunes every source's blocks captured before `cutoff`. A chain that does not verify is
    /// refused: pruning it would bury the evidence.
    public func prune(before cutoff: Date) throws -> [Report] {
        var reports: [Report] = []
        for source in try store.sources() {
            let blocks = try store.blocks(of: source)
            guard let last = blocks.last, let through = blocks.last(where: { $0.capturedAt < cutoff && $0.kind == .snapshot }) else { continue }
            let verifier = ChainVerifier(store: store)
            let (full, _, _) = try verifier.replay(source)
            if let problem = full.problem {
                throw HistoryError(.invalidInput, "refusing to prune \(source): its chain does not verify (\(problem))")
            }
            let (_, state, _) = try verifier.replay(source, through: through.sequence)
            let content = BlockContent(
                baselineResources: state.resources.values.sorted { $0.resourceID < $1.resourceID },
                baselineCompliance: state.compliance.values.map(\.compliance).sorted { $0.key < $1.key })
            let header = BlockHeader(
                collector: nil, failedTypes: [],
                prunedThrough: .init(sequence: through.sequence, digest: through.digest, capturedAtMilliseconds: HistoryTime.milliseconds(through.capturedAt)))
                .canonicalText
            let sequence = last.sequence + 1
            let digest = BlockDigest.compute(
                source: source, sequence: sequence, kind: .checkpoint, capturedAt: last.capturedAt, header: header, previousDigest: last.digest,
                content: content)
            let checkpoint = Block(
                source: source, sequence: sequence, kind: .checkpoint, capturedAt: last.capturedAt, header: header, previousDigest: last.digest,
                digest: digest, signature: try signingKey?.sign(digest: digest))
            try store.prune(source: source, removingThrough: through.sequence, checkpoint: PreparedBlock(block: checkpoint, content: content))
            reports.append(Report(source: source, removedBlocks: blocks.filter { $0.sequence <= through.sequence }.count, checkpoint: checkpoint))
        }
        return reports
    }
}
