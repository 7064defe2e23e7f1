import Foundation
import TenetHistory

/// RFC 3339 text of the few times a bundle repeats on every row (snapshot times), each formatted
/// once: a date formatter made per row costs more than the rest of the row.
final class TimeText {
    private var texts: [Date: String] = [:]

    func callAsFunction(_ date: Date) -> EvidenceTable.Cell {
        if let text = texts[date] { return .string(text) }
        let text = HistoryTime.format(date)
        texts[date] = text
        return .string(text)
    }
}
