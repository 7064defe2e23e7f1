import Foundation
import TenetDocument

/// The status of one type test per `Type` string, for a test that compares `Type` with literals
/// only: the answer for a type is then the same in every document, so it is learnt once per rule
/// and shared by every evaluation of it, on any thread.
///
/// With one index lookup per filter, deciding the test again for each type of each document was
/// most of what a rule cost on a template that has none of its resources.
final class ResourceTypeStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [String: GuardStatus] = [:]

    func status(ofType type: String, deciding decide: () throws(Diagnostic) -> GuardStatus) throws(Diagnostic) -> GuardStatus {
        lock.lock()
        let known = statuses[type]
        lock.unlock()
        if let known { return known }
        let status = try decide()
        lock.lock()
        statuses[type] = status
        lock.unlock()
        return status
    }
}
