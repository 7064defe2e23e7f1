import TenetDocument

/// `validate -o text`: per data file its status, the rules by status (as `--show-summary` asks),
/// and every failing check with its location, path, values and message.
public enum ValidationTextReport {
    public enum Summary: String, Sendable, CaseIterable {
        case pass, fail, skip, all, none
    }

    public static func render(_ result: GuardValidation.Result, summary: Set<Summary> = [.fail]) -> String {
        var lines: [String] = []
        let shown: Set<GuardStatus> = summary.contains(.all)
            ? [.pass, .fail, .skip]
            : Set(summary.compactMap { GuardStatus(rawValue: $0.rawValue.uppercased()) })
        for report in result.reports {
            if let error = report.error {
                lines.append("\(report.dataFile) Status = ERROR")
                lines.append("  \(error.description)")
                continue
            }
            lines.append("\(report.dataFile) Status = \(report.status)")
            for file in report.results {
                for rule in file.rules where shown.contains(rule.status) {
                    lines.append("  \(file.rulesFile)/\(rule.name)  \(rule.status)")
                }
            }
            for file in report.results {
                for rule in file.rules where rule.status == .fail {
                    for failure in rule.failures { lines.append(contentsOf: describe(failure, rulesFile: file.rulesFile)) }
                }
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ failure: ClauseFailure, rulesFile: String) -> [String] {
        let place = failure.location.map { "\($0)" } ?? "data"
        let path = failure.path.map { " [\($0.description.isEmpty ? "/" : $0.description)]" } ?? ""
        var line = "  FAIL \(rulesFile)/\(failure.rule) at \(place)\(path): \(failure.reason)"
        if let found = failure.found { line += "; found \(inline(found))" }
        if let expected = failure.expectedValue { line += ", expected \(failure.operatorSpelling) \(inline(expected))" }
        var lines = [line, "    clause \(failure.clause.location): \(failure.clause.text.split(separator: "\n").first.map(String.init) ?? "")"]
        if let message = failure.message?.trimmed, !message.isEmpty {
            lines.append(contentsOf: message.split(separator: "\n").map { "    \($0)" })
        }
        return lines
    }

    private static func inline(_ value: Value) -> String {
        let text = JSONWriter(style: .compact).string(for: Document(value: value).root)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
