/// The outcome of a clause, a rule or a whole file for one document.
public enum GuardStatus: String, Sendable, Hashable, Codable, CustomStringConvertible {
    case pass = "PASS"
    case fail = "FAIL"
    case skip = "SKIP"

    public var description: String { rawValue }

    /// A conjunction: any FAIL fails; otherwise any PASS passes; otherwise SKIP.
    static func conjunction<S: Sequence>(_ statuses: S) -> GuardStatus where S.Element == GuardStatus {
        var sawPass = false
        for status in statuses {
            if status == .fail { return .fail }
            if status == .pass { sawPass = true }
        }
        return sawPass ? .pass : .skip
    }

    /// The status of a file: FAIL if any rule fails, else PASS if any passes, else SKIP.
    public static func combined<S: Sequence>(_ statuses: S) -> GuardStatus where S.Element == GuardStatus {
        conjunction(statuses)
    }
}
