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
        return slots.values.map { $0! }
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

    var values: [Element?] { Array(storage) }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
}
