import TenetDocument
import TenetScan

/// Failing checks as a transition stores them: compact JSON, one object per check with the path,
/// found and expected values, message and reason. File locations are left out — a line number
/// is not part of a resource's history.
enum FailingCheckEncoding {
    static let empty = "[]"

    static func text(_ checks: [FailingCheck]) -> String {
        guard !checks.isEmpty else { return empty }
        let list: [Value] = checks.map { check in
            var entries: [Value.Entry] = []
            if let path = check.propertyPath { entries.append(Value.Entry("path", .string(path.description))) }
            if let found = check.found { entries.append(Value.Entry("found", found)) }
            if let expected = check.expected { entries.append(Value.Entry("expected", expected)) }
            if let message = check.message { entries.append(Value.Entry("message", .string(message))) }
            entries.append(Value.Entry("reason", .string(check.reason)))
            return .map(entries)
        }
        return CanonicalConfiguration.text(.list(list))
    }
}
