import Foundation
import TenetInventory
import TenetScan

/// What a block says about itself beyond its rows: where the snapshot came from, how complete it
/// was, and for a checkpoint which block it replaces.
public struct BlockHeader: Codable, Sendable, Equatable {
    public struct PrunedThrough: Codable, Sendable, Equatable {
        /// The last removed block: the first remaining snapshot links to its digest.
        public var sequence: Int
        public var digest: String
        /// Milliseconds since 1970 of that block, the time the baseline describes.
        public var capturedAtMilliseconds: Int64
    }

    public var collector: String?
    /// The rules the scan ran, by id, with their version hashes.
    public var rules: [String: String]
    /// Resource types the collector failed to read; nothing of them was deleted.
    public var failedTypes: [String]
    public var prunedThrough: PrunedThrough?
    /// The suppressions that covered a verdict of this snapshot. Absent, not empty, when none did:
    /// a header without them encodes exactly as headers did before they were recorded, so
    /// existing digests still verify.
    public var suppressions: [SuppressionRecord]?

    public init(
        collector: String?, rules: [String: String] = [:], failedTypes: [String], prunedThrough: PrunedThrough? = nil,
        suppressions: [SuppressionRecord]? = nil
    ) {
        self.collector = collector
        self.rules = rules
        self.failedTypes = failedTypes
        self.prunedThrough = prunedThrough
        self.suppressions = suppressions
    }

    public init(snapshot header: SnapshotHeader, result: ScanResult) {
        collector = header.collector.rawValue
        rules = Dictionary(result.rules.map { ($0.id, $0.versionHash) }, uniquingKeysWith: { first, _ in first })
        if case .partial(let failed) = header.completeness {
            failedTypes = failed.keys.map(\.rawValue).sorted()
        } else {
            failedTypes = []
        }
        prunedThrough = nil
        let applied = SuppressionRecord.applied(in: result)
        suppressions = applied.isEmpty ? nil : applied
    }

    /// Sorted keys, no spaces: the text the digest covers.
    public var canonicalText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of strings and ints cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    public init(parsing text: String) throws {
        do {
            self = try JSONDecoder().decode(BlockHeader.self, from: Data(text.utf8))
        } catch {
            throw HistoryError(.storeUnavailable, "a block header is not readable: \(text)")
        }
    }
}
