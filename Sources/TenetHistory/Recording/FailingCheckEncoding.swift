import TenetDocument
import TenetScan

/// Failing checks as a transition stores them: compact JSON, one object per check with the path,
/// found and expected values, message and reason. File locations are left out — a line number
/// is not part of a resource's history.
enum FailingCheckEncoding {
    static let empty = "[]"

    /// Encodes lists remembering each rule's last one: a rule's non-compliant pairs mostly fail the
    /// same way, and comparing a list with the last costs far less than writing it again.
    struct Memo {
        private var last: [String: (checks: [FailingCheck], text: String)] = [:]

        mutating func text(_ checks: [FailingCheck], of rule: String) -> String {
            guard !checks.isEmpty else { return empty }
            if let known = last[rule], FailingCheckEncoding.encodeAlike(known.checks, checks) { return known.text }
            let text = FailingCheckEncoding.text(checks)
            last[rule] = (checks, text)
            return text
        }
    }

    /// Whether two lists encode to the same text: all but their file locations, which are left out.
    static func encodeAlike(_ first: [FailingCheck], _ second: [FailingCheck]) -> Bool {
        first.count == second.count && zip(first, second).allSatisfy { one, other in
            one.propertyPath == other.propertyPath && one.found == other.found && one.expected == other.expected
                && one.message == other.message && one.reason == other.reason
        }
    }

    /// Written directly rather than through a document tree: a first recording encodes the
    /// checks of every non-compliant pair, a hundred thousand lists or more.
    static func text(_ checks: [FailingCheck]) -> String {
        guard !checks.isEmpty else { return empty }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, check) in checks.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var first = true
            func key(_ name: String) {
                bytes.append(UInt8(ascii: first ? "{" : ","))
                first = false
                JSONWriter.writeString(name, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
            }
            if let path = check.propertyPath {
                key("path")
                JSONWriter.writeString(path.description, to: &bytes)
            }
            if let found = check.found {
                key("found")
                bytes.append(contentsOf: CanonicalConfiguration.text(found).utf8)
            }
            if let expected = check.expected {
                key("expected")
                bytes.append(contentsOf: CanonicalConfiguration.text(expected).utf8)
            }
            if let message = check.message {
                key("message")
                JSONWriter.writeString(message, to: &bytes)
            }
            key("reason")
            JSONWriter.writeString(check.reason, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
