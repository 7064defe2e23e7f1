import Foundation

/// AWS writes times in several forms (see the moto notes): ISO 8601 with 0, 3, 6 or 9 fractional
/// digits, and epoch seconds as a number. One parser for all of them.
public enum AWSTimestamp {
    public static func parse(_ text: String) -> Date? {
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        var trimmed = text
        // ISO8601DateFormatter takes at most millisecond precision; drop the digits beyond it.
        if let dot = trimmed.firstIndex(of: "."), let end = trimmed[dot...].firstIndex(where: { !$0.isNumber && $0 != "." }) {
            let fraction = trimmed[trimmed.index(after: dot)..<end]
            trimmed.replaceSubrange(dot..<end, with: fraction.isEmpty ? "" : "." + fraction.prefix(3).padding(toLength: 3, withPad: "0", startingAt: 0))
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = trimmed.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: trimmed)
    }
}
