import Foundation

/// One link of a source's hash chain: a recorded snapshot, or a checkpoint appended by pruning.
public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case snapshot
        /// Written by `prune`: holds the state as of the last pruned block, from which the
        /// remaining chain is replayed and verified.
        case checkpoint
    }

    public var source: HistorySource
    /// 1 for a source's first block, then consecutive.
    public var sequence: Int
    public var kind: Kind
    /// The snapshot's capture time (milliseconds precision), or the time of pruning.
    public var capturedAt: Date
    /// Canonical JSON of the `BlockHeader`, stored as text so its digest never depends on re-encoding.
    public var header: String
    /// The digest of the previous block, or `BlockDigest.genesis` for the first.
    public var previousDigest: String
    public var digest: String
    /// Hex Ed25519 signature of the digest, when recorded with a signing key.
    public var signature: String?

    public init(
        source: HistorySource, sequence: Int, kind: Kind, capturedAt: Date, header: String, previousDigest: String, digest: String,
        signature: String?
    ) {
        self.source = source
        self.sequence = sequence
        self.kind = kind
        self.capturedAt = capturedAt
        self.header = header
        self.previousDigest = previousDigest
        self.digest = digest
        self.signature = signature
    }
}
