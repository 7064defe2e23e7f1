/// The coverage report of an import, for people: which AWS Config rules Tenet runs, which it does
/// not, and which input parameters were not carried over.
public enum ConformancePackCoverageText {
    public static func render(_ result: ConformancePackImport, source: String) -> String {
        let total = result.implemented.count + result.missing.count
        var lines = ["\(source): \(result.implemented.count) of \(total) AWS Config rules have a Tenet counterpart"]
        if !result.implemented.isEmpty {
            lines.append("implemented:")
            let width = result.implemented.map(\.identifier.count).max() ?? 0
            for rule in result.implemented {
                lines.append("  \(rule.identifier.padding(toLength: width, withPad: " ", startingAt: 0))  → \(rule.rules.joined(separator: ", "))  (\(rule.logicalID))")
            }
        }
        if !result.missing.isEmpty {
            lines.append("not implemented:")
            for rule in result.missing {
                lines.append(rule.isCustom ? "  custom rule \(rule.logicalID) (\(rule.identifier))" : "  \(rule.identifier)  (\(rule.logicalID))")
            }
        }
        if !result.notes.isEmpty {
            lines.append("notes:")
            lines += result.notes.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
