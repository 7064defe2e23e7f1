import Foundation

/// A source's blocks as an as-of query reads them: the last block at or before a time, the time
/// each block (or the last block a checkpoint pruned) was captured, and the baseline that stands
/// in for pruned blocks.
public struct BlockTimes: Sendable {
    /// The latest checkpoint and the last block it pruned: the checkpoint's baseline is the
    /// state as of that block.
    public struct Baseline: Sendable {
        public var checkpoint: Int
        public var prunedThrough: Int
        public var capturedAt: Date
    }

    public let source: HistorySource
    public let baseline: Baseline?
    private let blocks: [(sequence: Int, capturedAt: Date)]
    private let times: [Int: Date]

    /// `blocks` in sequence order, as `HistoryStore.blocks(of:)` gives them.
    public init(source: HistorySource, blocks: [Block]) throws {
        self.source = source
        self.blocks = blocks.map { ($0.sequence, $0.capturedAt) }
        times = Dictionary(blocks.map { ($0.sequence, $0.capturedAt) }, uniquingKeysWith: { $1 })
        var baseline: Baseline?
        if let checkpoint = blocks.last(where: { $0.kind == .checkpoint }),
           let pruned = try BlockHeader(parsing: checkpoint.header).prunedThrough {
            baseline = Baseline(checkpoint: checkpoint.sequence, prunedThrough: pruned.sequence,
                                capturedAt: HistoryTime.date(milliseconds: pruned.capturedAtMilliseconds))
        }
        self.baseline = baseline
    }

    /// The last block captured at or before `time`, or the last pruned one when only it was; nil
    /// when the source recorded nothing (that is kept) by then.
    public func lastSequence(at time: Date) -> Int? {
        if let last = blocks.last(where: { $0.capturedAt <= time }) { return last.sequence }
        guard let baseline, baseline.capturedAt <= time else { return nil }
        return baseline.prunedThrough
    }

    /// When block `sequence` was captured; a pruned block is dated by the baseline that replaced
    /// it, the only pruned block a speed table still names.
    public func capturedAt(_ sequence: Int) -> Date {
        times[sequence] ?? baseline?.capturedAt ?? .distantPast
    }

    /// The baseline to fall back on for a pair with no kept transition at or before `sequence`.
    public func baseline(through sequence: Int) -> Baseline? {
        baseline.flatMap { $0.prunedThrough <= sequence ? $0 : nil }
    }
}
