import TenetDocument

/// Tells CloudFormation templates from the other YAML and JSON files a repository holds.
public enum TemplateRecognizer {
    /// A template has a `Resources` map of typed resources, or of `Fn::ForEach::` loops that the
    /// `AWS::LanguageExtensions` transform expands into them.
    public static func isTemplate(_ root: Node) -> Bool {
        guard root.kind == .map, let resources = root["Resources"], resources.kind == .map else { return false }
        return resources.children.contains { entry in
            (entry.kind == .map && entry["Type"]?.stringValue != nil) || entry.keyInParent?.hasPrefix("Fn::ForEach::") == true
        }
    }

    /// Whether a file that failed to parse was meant to be a template, judged from its text: such
    /// a file is an error to report, anything else (a Helm chart, say) a file to skip.
    public static func looksLikeTemplate(_ bytes: some Collection<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("AWSTemplateFormatVersion") { return true }
        return text.split(separator: "\n", omittingEmptySubsequences: true).contains { line in
            line.hasPrefix("Resources:") || line.hasPrefix("\"Resources\"") || line.hasPrefix("{\"Resources\"")
        }
    }
}
