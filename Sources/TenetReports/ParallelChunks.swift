import Foundation
import TenetDocument

/// Makes a long run of independent report parts (evaluations, rows, test cases) on all cores
/// while handing them on in order.
///
/// A machine-readable report of a large run is hundreds of megabytes made from hundreds of
/// thousands of evaluations; made on one core, it took longer than the whole scan. Parts are
/// made a chunk at a time, a window of chunks across the cores, and each window is handed on
/// before the next is made, so a report holds a few megabytes at a time, never itself whole.
enum ParallelChunks {
    /// Parts per chunk: enough that dispatching a chunk costs nothing beside making it, few
    /// enough that a window of chunks stays a few megabytes.
    static let partsPerChunk = 512

    /// Calls `make` for consecutive ranges of `0..<count` on all cores, and `use` with what it
    /// made, in range order on the calling thread. Parts larger than an evaluation's (a resource
    /// with all its findings) are made fewer to a chunk.
    static func map<Chunk: Sendable>(
        count: Int, partsPerChunk: Int = Self.partsPerChunk, _ make: @Sendable (Range<Int>) -> Chunk, inOrder use: (Chunk) -> Void
    ) {
        let chunks = stride(from: 0, to: count, by: partsPerChunk).map { $0..<min($0 + partsPerChunk, count) }
        let window = 4 * ProcessInfo.processInfo.activeProcessorCount
        for first in stride(from: 0, to: chunks.count, by: window) {
            chunks[first..<min(first + window, chunks.count)].concurrentMap(make).forEach(use)
        }
    }

    /// Report bytes made by `encode` for consecutive ranges of `0..<count`, handed to `write` in order.
    static func encode(count: Int, into write: ([UInt8]) -> Void, _ encode: @Sendable (Range<Int>) -> [UInt8]) {
        map(count: count, encode, inOrder: write)
    }
}
