import Foundation

/// A value computed on a thread of its own while the caller goes on with other work; reading
/// `value` waits for it.
///
/// A dedicated thread rather than a dispatch queue: the caller's other work is usually a
/// `concurrentMap` that occupies the dispatch pool's threads, and a job queued behind it would
/// start only once that work was done — the overlap would be lost.
public final class BackgroundComputation<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the computing thread, before it signals `finished`.
    private var result: Value?
    /// Whether the reader has waited already; only the reader touches it.
    private var waited = false

    public init(_ compute: @escaping @Sendable () -> Value) {
        Thread { [self] in
            result = compute()
            finished.signal()
        }.start()
    }

    /// The computed value, once it is ready. Read it from one thread.
    public var value: Value {
        if !waited {
            finished.wait()
            waited = true
        }
        return result!
    }
}
