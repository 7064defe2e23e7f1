import Foundation
import TenetDocument

/// `now()` and `parse_epoch(q)`, from cfn-guard 3.2 (3.0.1 has neither). `now()` makes a rule's
/// answer depend on when it runs, so the caller chooses the instant (`--now` fixes it).
enum TimeFunctions {
    static func now(_ instant: Date) -> QueryValue {
        .literal(.int(Int64(instant.timeIntervalSince1970)))
    }

    /// RFC 3339 timestamps to whole epoch seconds.
    static func parseEpoch(_ values: [QueryValue]) throws(FunctionFailure) -> [QueryValue] {
        var results: [QueryValue] = []
        for value in values {
            guard let text = value.stringValue else { continue }
            guard let date = RFC3339.date(text) else {
                throw FunctionFailure(message: "'\(text)' is not an RFC 3339 timestamp")
            }
            results.append(.literal(.int(Int64(date.timeIntervalSince1970.rounded(.down)))))
        }
        return results
    }
}
