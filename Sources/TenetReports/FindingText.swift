import Foundation
import TenetDocument
import TenetScan

/// The wording every format shares for a verdict, so a finding reads the same in a terminal, a
/// JUnit failure, a SARIF result, a CSV row and a pull-request annotation.
struct FindingText: Sendable {
    let paths: ReportPaths

    /// One line: the rule's title, then what failed (`…: PubliclyAccessible is true (found true,
    /// expected false)`), or why the rule said nothing.
    func headline(_ reported: ReportedEvaluation) -> String {
        let evaluation = reported.evaluation
        switch reported.disposition {
        case .violation, .suppressed:
            guard let first = evaluation.checks.first else { return reported.rule.title }
            let more = evaluation.checks.count > 1 ? " (and \(evaluation.checks.count - 1) more)" : ""
            return "\(reported.rule.title): \(checkSummary(first))\(more)"
        case .error:
            return "\(reported.rule.title): the rule could not be evaluated: \(evaluation.detail ?? "no detail given")"
        case .insufficientData:
            return "\(reported.rule.title): insufficient data: \(evaluation.detail ?? "the resource could not be read")"
        case .compliant:
            return "\(reported.rule.title): compliant"
        case .notApplicable:
            return "\(reported.rule.title): not applicable"
        }
    }

    /// The rule's own message when it has one, else the reason, with the values compared and
    /// what an unresolved value depends on.
    func checkSummary(_ check: FailingCheck) -> String {
        var text = Array(Self.message(of: check).utf8)
        Self.appendComparisonAndDependency(found: check.found, expected: check.expected, dependency: check.unresolvedDependency, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The rule's message, else the reason, on one line. Guard messages are usually indented
    /// blocks (`<< Violation: … Fix: … >>`) that would break a terminal diagnostic, a CSV row or
    /// an annotation; the JSON report keeps them as written.
    static func message(of check: FailingCheck) -> String {
        guard let message = check.message else { return check.reason }
        let collapsed = collapsingWhitespace(message)
        return collapsed.isEmpty ? check.reason : collapsed
    }

    /// The words of `text` joined by single spaces. Every finding of a rule carries the same
    /// message, so a large run collapses it a hundred thousand times: an ASCII message (nearly
    /// all are) is done over its bytes, where splitting by `Character` costs the report most of
    /// its time. The bytes taken for whitespace are exactly the ASCII ones `Character.isWhitespace`
    /// accepts; other text keeps the Unicode definition.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        let collapsedASCII: [UInt8]? = text.withUTF8 { bytes in
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) {
                    pendingSpace = !collapsed.isEmpty
                } else {
                    if pendingSpace { collapsed.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    collapsed.append(byte)
                }
            }
            return collapsed
        }
        guard let collapsedASCII else { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return String(decoding: collapsedASCII, as: UTF8.self)
    }

    /// Who accepted the finding, until when and why: every report must show all three.
    func suppressionSummary(_ suppression: Suppression) -> String {
        var text = "suppressed by \(suppression.owner ?? "no owner given")"
        if let expires = suppression.expires { text += " until \(Self.timestamp(expires))" }
        text += ": \(suppression.reason ?? "no reason given")"
        text += " (\(Self.originName(suppression.origin))"
        if let location = suppression.location { text += " at \(self.location(location))" }
        return text + ")"
    }

    /// Everything about a finding as plain text lines, for JUnit failure bodies.
    func details(_ reported: ReportedEvaluation) -> String {
        let evaluation = reported.evaluation
        var lines = ["Rule: \(reported.rule.id) — \(reported.rule.title) (\(reported.severity.rawValue))"]
        var resourceLine = "Resource: \(reported.resourceName) (\(reported.resource.type))"
        if let location = reported.resource.location { resourceLine += " at \(self.location(location))" }
        lines.append(resourceLine)
        lines.append("State: \(evaluation.state.rawValue)")
        if let detail = evaluation.detail { lines.append("Detail: \(detail)") }
        for check in evaluation.checks {
            lines.append("Check: \(Self.shownPath(check.propertyPath).map { "\($0): " } ?? "")\(Self.message(of: check))")
            if check.message != nil { lines.append("  reason: \(check.reason)") }
            if let found = check.found { lines.append("  found: \(Self.valueText(found))") }
            if let expected = check.expected { lines.append("  expected: \(Self.valueText(expected))") }
            if let location = check.location { lines.append("  at: \(self.location(location))") }
            if let dependency = check.unresolvedDependency { lines.append("  depends on: \(dependency)") }
        }
        if let baseline = evaluation.baseline { lines.append("Baseline: \(baseline.rawValue)") }
        if let suppression = evaluation.suppression { lines.append("Suppression: \(suppressionSummary(suppression))") }
        if let remediation = reported.rule.metadata?.remediation { lines.append("Fix: \(remediation)") }
        return lines.joined(separator: "\n")
    }

    /// What follows a check's message: ` (found true, expected false)`, ` (missing, expected …)`
    /// when the property is absent, and `; depends on …`. Appended as bytes, and given the check's
    /// parts rather than the check, which a caller reading it from its evaluation's list would
    /// copy, retaining every value and string it holds: the text report writes this for each of
    /// a hundred thousand findings.
    static func appendComparisonAndDependency(found: Value?, expected: Value?, dependency: String?, to text: inout [UInt8]) {
        if found != nil || expected != nil {
            if let found {
                text.append(contentsOf: " (found ".utf8)
                appendValueText(found, to: &text)
            } else {
                text.append(contentsOf: " (missing".utf8)
            }
            if let expected {
                text.append(contentsOf: ", expected ".utf8)
                appendValueText(expected, to: &text)
            }
            text.append(UInt8(ascii: ")"))
        }
        if let dependency {
            text.append(contentsOf: "; depends on ".utf8)
            text.append(contentsOf: dependency.utf8)
        }
    }

    /// A check's property path as a report names it; nil when there is none or it is the
    /// resource itself (the empty pointer), which the finding's location already shows.
    static func shownPath(_ propertyPath: JSONPointer?) -> JSONPointer? {
        guard let propertyPath, !propertyPath.components.isEmpty else { return nil }
        return propertyPath
    }

    /// `file:line:column` with the file as reports name it.
    func location(_ location: FileLocation) -> String {
        "\(paths.display(location.file)):\(location.line):\(location.column)"
    }

    /// A value as compact JSON: unambiguous about strings, numbers and intrinsics (`{"Ref":"Key"}`).
    /// A large run shows one or two values for each of its findings, nearly all shallow: those
    /// are written here as `JSONWriter` writes them, without building a document around them.
    static func valueText(_ value: Value) -> String {
        var text: [UInt8] = []
        appendValueText(value, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The same, appended to `text`.
    static func appendValueText(_ value: Value, to text: inout [UInt8]) {
        let start = text.count
        guard appendShallow(value, depth: 0, to: &text) else {
            text.removeSubrange(start..<text.count)
            text.append(contentsOf: JSONWriter(style: .compact).string(for: Document(value: value).root).utf8)
            return
        }
    }

    /// Appends `value` as compact JSON; false when it is nested deeper than `shallowDepth` or
    /// holds a map with a repeated key (a document keeps the last), left to `JSONWriter`, which
    /// does not recurse.
    private static func appendShallow(_ value: Value, depth: Int, to text: inout [UInt8]) -> Bool {
        switch value {
        case .null, .bool, .int, .float, .string: return value.appendJSONScalar(to: &text)
        case .list(let items):
            guard depth < shallowDepth else { return false }
            text.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                guard appendShallow(item, depth: depth + 1, to: &text) else { return false }
            }
            text.append(UInt8(ascii: "]"))
        case .map(let entries):
            guard depth < shallowDepth, Set(entries.map(\.key)).count == entries.count else { return false }
            text.append(UInt8(ascii: "{"))
            for (index, entry) in entries.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(entry.key, to: &text)
                text.append(UInt8(ascii: ":"))
                guard appendShallow(entry.value, depth: depth + 1, to: &text) else { return false }
            }
            text.append(UInt8(ascii: "}"))
        }
        return true
    }

    private static let shallowDepth = 16

    /// ISO 8601 in UTC: no local time zone leaks into a report.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func originName(_ origin: Suppression.Origin) -> String {
        switch origin {
        case .inlineTenet: "inline Metadata.tenet.suppress"
        case .inlineGuard: "inline Metadata.guard.SuppressedRules"
        case .central: "suppressions file"
        }
    }
}
