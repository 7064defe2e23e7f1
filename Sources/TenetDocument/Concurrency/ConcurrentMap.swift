import Dispatch

extension RandomAccessCollection where Self: Sendable, Index == Int, Element: Sendable {
    /// `map` over all cores, results in input order. For CPU-bound work on independent elements —
    /// loading templates, evaluating (rule, document) pairs — where the caller waits anyway.
    public func concurrentMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let slots = ResultSlots<Result>(count: count)
        let base = startIndex
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            slots[offset] = transform(self[base + offset])
        }
        return slots.takeAll()
    }
}

/// Per-index result slots: each index is written by exactly one iteration and read only after all
/// have finished. The storage is allocated once, so writers never touch a shared array's
/// reference count or exclusivity state.
private final class ResultSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    subscript(index: Int) -> Element? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// Moves every result out, all slots having been written: a copy of each would retain what
    /// it holds only for the slot's copy to release it, and a result can be a large resource.
    func takeAll() -> [Element] {
        Array(unsafeUninitializedCapacity: storage.count) { buffer, count in
            for index in storage.indices {
                (buffer.baseAddress! + index).initialize(to: storage[index].take()!)
            }
            count = storage.count
        }
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
}
