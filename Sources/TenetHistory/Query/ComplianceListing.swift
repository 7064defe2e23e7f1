import Foundation
import TenetInventory
import TenetScan

/// The text form of a `compliance --at` answer, one line per verdict. It lives beside the query
/// so the benchmark times what the command prints. A million lines are written as bytes into one
/// buffer, and name only the few times their blocks were captured, so each time is formatted once.
public enum ComplianceListing {
    public static func text(_ states: [Recorded<CurrentCompliance>], at time: Date) -> String {
        var times: [Date: String] = [:]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(states.count * 96)
        states.withUnsafeBufferPointer { states in
            for index in states.indices {
                let capturedAt = states[index].capturedAt
                let since = times[capturedAt] ?? {
                    let formatted = HistoryTime.format(capturedAt)
                    times[capturedAt] = formatted
                    return formatted
                }()
                bytes.append(contentsOf: states[index].row.key.ruleID.utf8)
                bytes.append(contentsOf: "  ".utf8)
                bytes.append(contentsOf: states[index].row.key.resourceID.rawValue.utf8)
                bytes.append(contentsOf: "  ".utf8)
                bytes.append(contentsOf: states[index].row.state.rawValue.utf8)
                bytes.append(contentsOf: "  since ".utf8)
                bytes.append(contentsOf: since.utf8)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        bytes.append(contentsOf: "\(states.count) verdicts as of \(HistoryTime.format(time))\n".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }
}
