import Foundation
import TenetInventory
import TenetScan

/// The text form of a `compliance --at` answer, one line per verdict, written as the verdicts
/// arrive. It lives beside the query so the benchmark times what the command prints. Lines are
/// written as bytes into a small buffer handed to the sink whenever it fills, so a million lines
/// are never held at once, and they name only the few times their blocks were captured, so each
/// time is formatted once.
public struct ComplianceListing {
    private static let flushSize = 1 << 16
    private let sink: ([UInt8]) -> Void
    private var bytes: [UInt8] = []
    private var times: [Date: String] = [:]
    private var count = 0

    public init(writingTo sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        bytes.reserveCapacity(Self.flushSize + 512)
    }

    public mutating func append(_ recorded: Recorded<CurrentCompliance>) {
        let capturedAt = recorded.capturedAt
        let since = times[capturedAt] ?? {
            let formatted = HistoryTime.format(capturedAt)
            times[capturedAt] = formatted
            return formatted
        }()
        bytes.append(contentsOf: recorded.row.key.ruleID.utf8)
        bytes.append(contentsOf: "  ".utf8)
        bytes.append(contentsOf: recorded.row.key.resourceID.rawValue.utf8)
        bytes.append(contentsOf: "  ".utf8)
        bytes.append(contentsOf: recorded.row.state.rawValue.utf8)
        bytes.append(contentsOf: "  since ".utf8)
        bytes.append(contentsOf: since.utf8)
        bytes.append(UInt8(ascii: "\n"))
        count += 1
        if bytes.count >= Self.flushSize {
            sink(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the closing count line and hands over what is still buffered.
    public mutating func finish(at time: Date) {
        bytes.append(contentsOf: "\(count) verdicts as of \(HistoryTime.format(time))\n".utf8)
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
