import TenetDocument
import TenetScan

/// The text report's headline of a failing check, `error[RULE]: title: message`
/// (`error[RDS_INSTANCE_PUBLIC_ACCESS_CHECK]: RDS DB instances are not publicly accessible: RDS
/// instances must not be …`), each part drawn once for the resources one core renders together
/// instead of once per finding.
///
/// Guard messages are indented blocks collapsed to one line; a large run has a hundred thousand
/// findings of a few dozen messages, and collapsing each one again was a fifth of the report's
/// time, drawing each headline's start again a tenth of what was left. Kept by each core for its
/// own resources, the lines need no lock and no pass over every evaluation before the report
/// starts.
struct MessageLines {
    /// Per rule descriptor: each message its checks carry, collapsed; nil when nothing but
    /// whitespace, which gives way to the check's reason.
    private var collapsed: [ObjectIdentifier: [(message: String, line: [UInt8]?)]] = [:]
    /// Per rule descriptor and severity: `error[RULE]: title: `.
    private var starts: [HeadlineStart: [UInt8]] = [:]

    private struct HeadlineStart: Hashable {
        let rule: ObjectIdentifier
        let severity: Diagnostic.Severity
    }

    /// Appends the headline for a check of `rule`'s with `message`, up to the end of the
    /// message; `reason` is asked for when the rule gave none. Given the check's parts rather than
    /// the check, which would be copied. `DiagnosticRenderer.appendHeadline` ends with the message,
    /// so the part before it is drawn once by the renderer and copied for every later check.
    mutating func appendHeadline(
        message: String?, reason: () -> String, of rule: DescribedRule, severity: Diagnostic.Severity, renderer: DiagnosticRenderer,
        to text: inout [UInt8]
    ) {
        text.append(contentsOf: start(of: rule, severity: severity, renderer: renderer))
        guard let message, let line = line(message, of: rule) else { return text.append(contentsOf: reason().utf8) }
        text.append(contentsOf: line)
    }

    private mutating func start(of rule: DescribedRule, severity: Diagnostic.Severity, renderer: DiagnosticRenderer) -> [UInt8] {
        let key = HeadlineStart(rule: ObjectIdentifier(rule), severity: severity)
        if let known = starts[key] { return known }
        var start: [UInt8] = []
        renderer.appendHeadline(severity, code: DiagnosticCode(rule.rule.id), into: &start) { text in
            text.append(contentsOf: rule.rule.title.utf8)
            text.append(contentsOf: ": ".utf8)
        }
        starts[key] = start
        return start
    }

    /// `message` as `FindingText.message(of:)` words it when the rule gave one.
    private mutating func line(_ message: String, of rule: DescribedRule) -> [UInt8]? {
        let key = ObjectIdentifier(rule)
        if let known = collapsed[key]?.first(where: { $0.message == message }) { return known.line }
        let collapsedMessage = FindingText.collapsingWhitespace(message)
        let line = collapsedMessage.isEmpty ? nil : Array(collapsedMessage.utf8)
        collapsed[key, default: []].append((message, line))
        return line
    }
}
