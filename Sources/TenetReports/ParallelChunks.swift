import Dispatch
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
        guard chunks.count > 1 else { return chunks.forEach { use(make($0)) } }
        let window = ChunkWindow<Chunk>(size: 4 * ProcessInfo.processInfo.activeProcessorCount)
        // The makers run on a thread of their own, and the pool's, so that this one is free to
        // hand chunks on as they come.
        let making = BackgroundComputation {
            DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                window.put(make(chunks[index]), as: index)
            }
        }
        for index in chunks.indices { use(window.take(index)) }
        making.value
    }

    /// Report bytes made by `encode` for consecutive ranges of `0..<count`, handed to `write` in order.
    static func encode(count: Int, into write: ([UInt8]) -> Void, _ encode: @escaping @Sendable (Range<Int>) -> [UInt8]) {
        map(count: count, encode, inOrder: write)
    }
}

/// Chunks made but not yet handed on, in a ring of slots: chunk `n` goes in slot `n % size`,
/// and only once fewer than `size` chunks before it are still to be handed on, which is when
/// chunk `n - size` has left that slot. The makers take chunks to make in increasing order, so
/// the chunk the hand-off waits for is always being made or made: none waits on a slot that only
/// a later chunk's hand-off would free.
private final class ChunkWindow<Chunk>: @unchecked Sendable {
    /// Guards `slots` and `handedOn`; makers and the hand-off wait on it for their turn.
    private let turn = NSCondition()
    private var slots: [Chunk?]
    private var handedOn = 0

    init(size: Int) {
        slots = Array(repeating: nil, count: size)
    }

    func put(_ chunk: Chunk, as index: Int) {
        turn.lock()
        while index >= handedOn + slots.count { turn.wait() }
        slots[index % slots.count] = chunk
        turn.broadcast()
        turn.unlock()
    }

    func take(_ index: Int) -> Chunk {
        turn.lock()
        defer { turn.unlock() }
        while true {
            if let chunk = slots[index % slots.count].take() {
                handedOn += 1
                turn.broadcast()
                return chunk
            }
            turn.wait()
        }
    }
}
