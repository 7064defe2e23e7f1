import Foundation
import TenetDocument

/// Makes a long run of independent report parts (evaluations, rows, test cases) on all cores
/// while handing them on in order.
///
/// A machine-readable report of a large run is hundreds of megabytes made from hundreds of
/// thousands of evaluations; made on one core, it took longer than the whole scan. Chunks of
/// parts are made on all cores while the calling thread hands on each finished chunk in order,
/// and a chunk is started only once the one a window of chunks before it has been handed on, so
/// a report holds a few megabytes at a time, never itself whole. No core waits for a window's
/// slowest chunk or for the writing: the makers run ahead of the hand-off by up to the window.
enum ParallelChunks {
    /// Parts per chunk: enough that dispatching a chunk costs nothing beside making it, few
    /// enough that a window of chunks stays a few megabytes.
    static let partsPerChunk = 512

    /// Calls `make` for consecutive ranges of `0..<count` on all cores, and `use` with what it
    /// made, in range order on the calling thread. Parts larger than an evaluation's (a resource
    /// with all its findings) are made fewer to a chunk.
    static func map<Chunk: Sendable>(
        count: Int, partsPerChunk: Int = Self.partsPerChunk, _ make: @escaping @Sendable (Range<Int>) -> Chunk, inOrder use: (Chunk) -> Void
    ) {
        let chunks = stride(from: 0, to: count, by: partsPerChunk).map { $0..<min($0 + partsPerChunk, count) }
        chunks.concurrentMap(window: 4 * ProcessInfo.processInfo.activeProcessorCount, make, inOrder: use)
    }

    /// Report bytes made by `encode` for consecutive ranges of `0..<count`, handed to `write` in order.
    static func encode(count: Int, into write: ([UInt8]) -> Void, _ encode: @escaping @Sendable (Range<Int>) -> [UInt8]) {
        map(count: count, encode, inOrder: write)
    }
}
