import TenetDocument

/// Writes a pack in the `rules/packs` format, for packs made by a program (an imported
/// conformance pack) rather than by hand.
///
/// Strings and parameter values are written in JSON syntax, which YAML reads as flow style, so no
/// rule id, description or value can change meaning through YAML's plain-scalar rules.
public enum RulePackWriter {
    public static func yaml(name: String, description: String, rules: [(id: String, parameters: [Value.Entry])]) -> String {
        var text = "name: \(quoted(name))\ndescription: \(quoted(description))\n"
        guard !rules.isEmpty else { return text + "rules: []\n" }
        text += "rules:\n"
        for (id, parameters) in rules {
            if parameters.isEmpty {
                text += "  - \(id)\n"
            } else {
                let values = parameters.map { "\(quoted($0.key)): \(JSONWriter(style: .compact).string(for: Document(value: $0.value).root))" }
                text += "  - \(id): {\(values.joined(separator: ", "))}\n"
            }
        }
        return text
    }

    private static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONWriter.writeString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
