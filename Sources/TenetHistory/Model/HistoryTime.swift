import Foundation
import TenetDocument

/// Times as the store keeps them (integer milliseconds since 1970) and as users read and write
/// them (RFC 3339).
public enum HistoryTime {
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `2026-03-03T12:00:00Z`, with milliseconds only when there are some.
    ///
    /// The style is a value, made once and safe to share between threads: listing a million
    /// verdicts formats a time per line. It truncates fractions of a second, and a stored time's
    /// milliseconds are not exact in binary, so they are written from the integer count.
    public static func format(_ date: Date) -> String {
        let total = milliseconds(date)
        let fraction = (total % 1000 + 1000) % 1000
        let whole = wholeSeconds.format(Date(timeIntervalSince1970: Double((total - fraction) / 1000)))
        guard fraction != 0 else { return whole }
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    private static let wholeSeconds = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// An RFC 3339 time, or a bare date (`2026-03-03`, meaning its start in UTC).
    public static func parse(_ text: String) throws -> Date {
        if let date = RFC3339.date(text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        if let date = day.date(from: text) { return date }
        throw HistoryError(.invalidInput, "'\(text)' is not an RFC 3339 time (e.g. 2026-03-03T12:00:00Z) or a date (2026-03-03)")
    }

    /// `400d`, `12h`, `30m`: a retention age.
    public static func parseAge(_ text: String) throws -> TimeInterval {
        let units: [Character: TimeInterval] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        guard let unit = text.last.flatMap({ units[$0] }), let count = Int(text.dropLast()), count >= 0 else {
            throw HistoryError(.invalidInput, "'\(text)' is not an age (e.g. 400d, 12h)")
        }
        return TimeInterval(count) * unit
    }
}
