import Foundation
import TenetDocument

/// Turns one suppression entry — a map of `rule`, `reason`, `owner`, `expires`, `path` and, in the
/// central file, `resource` — into a `Suppression`. Inline `Metadata.tenet.suppress` entries and
/// central entries are held to the same rules, so an exception reads the same wherever it is
/// written: an owner and a reason are required, and an unknown key is refused because a misspelt
/// `expires` would otherwise make an exception permanent.
struct SuppressionEntryDecoder {
    /// Gives diagnostics their source line when the text is at hand.
    var source: SourceText?

    func error(_ message: String, at node: Node) -> Diagnostic {
        let diagnostic = Diagnostic(
            code: .invalidSuppression, message: message,
            location: FileLocation(file: node.document.sourceName, position: node.keyLocation ?? node.location))
        return source.map(diagnostic.withSource) ?? diagnostic
    }

    func decode(_ entry: Node, origin: Suppression.Origin) throws(Diagnostic) -> Suppression {
        let takesResource = origin == .central
        let keys = takesResource ? ["rule", "resource", "path", "reason", "owner", "expires"] : ["rule", "path", "reason", "owner", "expires"]
        guard entry.kind == .map else {
            throw error("a suppression is a mapping of \(keys.joined(separator: ", ")); found a \(entry.kind)", at: entry)
        }
        for (key, value) in entry.entries where !keys.contains(key) {
            throw error("unknown key '\(key)'; expected one of \(keys.joined(separator: ", "))", at: value)
        }
        let rule = try requiredText("rule", in: entry, expected: "a rule id or a pattern such as S3_BUCKET_*")
        let resource = takesResource
            ? try requiredText("resource", in: entry, expected: "a resource id, a type such as AWS::S3::Bucket, or a pattern over ids")
            : nil
        let reason = try requiredText("reason", in: entry, expected: "why the finding is accepted")
        let owner = try requiredText("owner", in: entry, expected: "the person or team who accepted it")
        var propertyPath: JSONPointer?
        if let node = entry["path"] {
            guard let text = node.stringValue, text.hasPrefix("/"), let pointer = JSONPointer(parsing: text) else {
                throw error("'path' must be a JSON pointer under the resource, such as /Properties/BucketEncryption", at: node)
            }
            propertyPath = pointer
        }
        var expires: (date: Date, text: String)?
        if let node = entry["expires"] {
            guard let text = node.stringValue, let date = SuppressionExpiry.parse(text) else {
                throw error("'expires' is not a valid date; expected \(SuppressionExpiry.expected)", at: node)
            }
            expires = (date, text)
        }
        return Suppression(
            rule: rule, resource: resource, propertyPath: propertyPath, reason: reason, owner: owner, expires: expires?.date,
            expiresAsWritten: expires?.text, origin: origin,
            location: FileLocation(file: entry.document.sourceName, position: entry.location))
    }

    private func requiredText(_ key: String, in entry: Node, expected: String) throws(Diagnostic) -> String {
        guard let node = entry[key] else { throw error("missing '\(key)'; expected \(expected)", at: entry) }
        guard let text = node.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error("'\(key)' must be a non-empty string: \(expected)", at: node)
        }
        return text
    }
}
