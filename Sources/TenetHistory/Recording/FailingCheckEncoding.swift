import TenetDocument
import TenetScan

/// Failing checks as a transition stores them: compact JSON, one object per check with the path,
/// found and expected values, message and reason. File locations are left out — a line number
/// is not part of a resource's history.
enum FailingCheckEncoding {
    static let empty = "[]"

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
