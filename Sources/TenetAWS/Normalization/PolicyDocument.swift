import Foundation
import TenetDocument

/// IAM policy documents as rules need them: a JSON object, as in a template.
///
/// IAM returns them URL-encoded (`%7B%22Version%22…`), S3 and SNS as plain JSON text, and AWS
/// Config as either; a rule comparing `Statement[*].Effect` needs the parsed object whichever.
enum PolicyDocument {
    static func parse(_ text: String?) -> Value? {
        guard let text, !text.isEmpty else { return nil }
        let candidates = text.hasPrefix("%") || text.contains("%22") ? [text.removingPercentEncoding ?? text, text] : [text]
        for candidate in candidates {
            if let document = try? JSONLoader().load(SourceText(name: "policy", bytes: Array(candidate.utf8))) {
                return document.root.value
            }
        }
        return .string(text)
    }

    /// A policy given either as text to parse or already as an object (Config writes both).
    static func from(_ value: Value?) -> Value? {
        switch value {
        case .string(let text): return parse(text)
        case .map: return value
        default: return nil
        }
    }
}
