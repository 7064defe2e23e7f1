import Foundation

/// The answers one regex has given, by text.
///
/// A large template repeats the same values (a runtime, a TLS policy, a log format) in thousands
/// of resources, and an ICU search through `NSString` costs many times a dictionary lookup. The
/// memo is bounded, so that a document of distinct values cannot grow it without end; its regex
/// is shared by every session on every thread, hence the lock.
final class RegexMatchMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: Bool] = [:]
    private static let capacity = 1024

    func answer(for text: String, searching search: (String) -> Bool) -> Bool {
        lock.lock()
        let known = answers[text]
        lock.unlock()
        if let known { return known }
        let answer = search(text)
        lock.lock()
        if answers.count < Self.capacity { answers[text] = answer }
        lock.unlock()
        return answer
    }
}
