import Foundation

/// The one time format Tenet reads and writes: inventories, reports, history and the command line.
public enum RFC3339 {
    /// `2026-11-21T10:00:00Z`, with or without fractional seconds and with any offset.
    public static func date(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// UTC, whole seconds: `2026-11-21T10:00:00Z`.
    public static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
