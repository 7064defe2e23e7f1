import Dispatch
import Foundation

extension RandomAccessCollection where Self: Sendable, Index == Int, Element: Sendable {
    /// `map` over all cores whose results are handed to `use` in input order, on the calling
    /// thread, as they come: what is done with each result (joining it into one document,
    /// writing it) overlaps the making of the later ones instead of waiting for all of them, and
    /// no more than `window` results wait to be handed on at a time, so memory stays bounded.
    ///
    /// Once `use` has thrown, the remaining results are made and dropped, and the error is
    /// rethrown: the makers are never left waiting for a hand-off that will not come.
    public func concurrentMap<Result: Sendable, Failure: Error>(
        window: Int, _ transform: @escaping @Sendable (Element) -> Result, inOrder use: (Result) throws(Failure) -> Void
    ) throws(Failure) {
        guard count > 1 else {
            for element in self { try use(transform(element)) }
            return
        }
        let results = ResultWindow<Result>(size: window)
        let base = startIndex
        // The makers run on a thread of their own, and the pool's, so that this one is free to
        // hand results on as they come.
        let making = BackgroundComputation { [self] in
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                results.put(transform(self[base + offset]), as: offset)
            }
        }
        var failure: Failure?
        for offset in 0..<count {
            let result = results.take(offset)
            guard failure == nil else { continue }
            do throws(Failure) {
                try use(result)
            } catch {
                failure = error
            }
        }
        making.value
        if let failure { throw failure }
    }
}

/// Results made but not yet handed on, in a ring of slots: result `n` goes in slot `n % size`,
/// and only once fewer than `size` results before it are still to be handed on, which is when
/// result `n - size` has left that slot. The makers take work in increasing order, so the result
/// the hand-off waits for is always being made or made: none waits on a slot that only a later
/// result's hand-off would free.
private final class ResultWindow<Result>: @unchecked Sendable {
    /// Guards `slots` and `handedOn`; makers and the hand-off wait on it for their turn.
    private let turn = NSCondition()
    private var slots: [Result?]
    private var handedOn = 0

    init(size: Int) {
        slots = Array(repeating: nil, count: max(size, 1))
    }

    func put(_ result: Result, as index: Int) {
        turn.lock()
        while index >= handedOn + slots.count { turn.wait() }
        slots[index % slots.count] = result
        turn.broadcast()
        turn.unlock()
    }

    func take(_ index: Int) -> Result {
        turn.lock()
        defer { turn.unlock() }
        while true {
            if let result = slots[index % slots.count].take() {
                handedOn += 1
                turn.broadcast()
                return result
            }
            turn.wait()
        }
    }
}
