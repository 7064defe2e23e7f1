import Foundation

/// `now()` and `parse_epoch(q)`, from cfn-guard 3.2 (3.0.1 has neither). `now()` makes a rule's
/// answer depend on when it runs.
enum TimeFunctions {
    static func now() -> QueryValue {
        .literal(.int(Int64(Date().timeIntervalSince1970)))
    }

    /// RFC 3339 timestamps to whole epoch seconds.
    static func parseEpoch(_ values: [QueryValue]) throws(FunctionFailure) -> [QueryValue] {
        var results: [QueryValue] = []
        for value in values {
            guard let text = value.stringValue else { continue }
            guard let date = parseRFC3339(text) else {
                throw FunctionFailure(message: "'\(text)' is not an RFC 3339 timestamp")
            }
            results.append(.literal(.int(Int64(date.timeIntervalSince1970.rounded(.down)))))
        }
        return results
    }

    private static func parseRFC3339(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
