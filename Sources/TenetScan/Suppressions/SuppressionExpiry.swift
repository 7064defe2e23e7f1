import Foundation
import TenetDocument

/// Reads a suppression's `expires`: a calendar date (`2026-12-31`), valid through that day in UTC
/// so that "until the 31st" means what a person means by it, or an RFC 3339 time for an exact
/// instant.
enum SuppressionExpiry {
    static let expected = "a date YYYY-MM-DD (valid through that day, UTC) or an RFC 3339 time such as 2026-12-31T18:00:00Z"

    /// The first instant at which the suppression no longer applies; nil when `text` is neither form.
    static func parse(_ text: String) -> Date? {
        calendarDay(text) ?? RFC3339.date(text)
    }

    /// Midnight UTC after the named day; nil unless `text` is exactly `YYYY-MM-DD` naming a real day.
    private static func calendarDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        // `date(from:)` rolls 2026-02-30 over to March; a day that does not survive the round trip
        // does not exist.
        guard let start = calendar.date(from: components) else { return nil }
        let roundTrip = calendar.dateComponents([.year, .month, .day], from: start)
        guard roundTrip.year == year, roundTrip.month == month, roundTrip.day == day else { return nil }
        return calendar.date(byAdding: .day, value: 1, to: start)
    }
}
