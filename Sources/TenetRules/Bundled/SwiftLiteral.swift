import TenetDocument

/// Swift source for the values `BundledRulesGenerator` writes: paths, and each rule's parsed
/// metadata, so a run reads no YAML header (parsing all of them was a quarter of the time to a
/// first answer).
///
/// The expressions rebuild exactly the value that was parsed (a test compares them with a fresh
/// parse of every bundled rule); enum cases are written by name, so a renamed case fails to
/// compile instead of changing meaning.
enum SwiftLiteral {
    static func metadata(_ metadata: RuleMetadata) -> String {
        let parameters = metadata.parameters.map {
            "RuleMetadata.Parameter(name: \(string($0.name)), description: \(string($0.description)), defaultValue: \(value($0.defaultValue)))"
        }
        let controls = metadata.controls.sorted { $0.key < $1.key }.map { ".\($0.key): [\($0.value.map(string).joined(separator: ", "))]" }
        let fields = [
            "id: \(string(metadata.id))",
            "title: \(string(metadata.title))",
            "severity: .\(metadata.severity)",
            "area: .\(metadata.area)",
            "target: \(target(metadata.target))",
            "awsConfigRule: \(metadata.awsConfigRule.map(string) ?? "nil")",
            "description: \(string(metadata.description))",
            "rationale: \(string(metadata.rationale))",
            "remediation: \(string(metadata.remediation))",
            "parameters: [\(parameters.joined(separator: ", "))]",
            "controls: [\(controls.isEmpty ? ":" : controls.joined(separator: ", "))]",
        ]
        return "RuleMetadata(\n" + fields.map { "                \($0)" }.joined(separator: ",\n") + ")"
    }

    private static func target(_ target: RuleMetadata.Target) -> String {
        switch target {
        case .resourceTypes(let names): ".resourceTypes([\(names.map(string).joined(separator: ", "))])"
        case .account: ".account"
        }
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .null: ".null"
        case .bool(let flag): ".bool(\(flag))"
        case .int(let number): ".int(\(number))"
        case .float(let number) where number.isNaN: ".float(.nan)"
        case .float(let number) where number.isInfinite: number < 0 ? ".float(-.infinity)" : ".float(.infinity)"
        case .float(let number): ".float(\(number))"
        case .string(let text): ".string(\(string(text)))"
        case .list(let elements): ".list([\(elements.map(Self.value).joined(separator: ", "))])"
        case .map(let entries): ".map([\(entries.map { "Value.Entry(\(string($0.key)), \(Self.value($0.value)))" }.joined(separator: ", "))])"
        }
    }

    /// A one-line string literal: backslash, quote and control characters escaped, everything
    /// else as it is (the generated file is UTF-8).
    static func string(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                literal += "\\u{\(String(scalar.value, radix: 16))}"
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
