import TenetScan

/// The text report's line for a failing check's message, after its rule's title
/// (`RDS DB instances are not publicly accessible: RDS instances must not be …`), each message
/// collapsed once for the resources one core renders together instead of once per finding.
///
/// Guard messages are indented blocks collapsed to one line; a large run has a hundred thousand
/// findings of a few dozen messages, and collapsing each one again was a fifth of the report's
/// time. Kept by each core for its own resources, the lines need no lock and no pass over every
/// evaluation before the report starts.
struct MessageLines {
    /// Per rule descriptor: each message its checks carry, collapsed; nil when nothing but
    /// whitespace, which gives way to the check's reason.
    private var collapsed: [ObjectIdentifier: [(message: String, line: [UInt8]?)]] = [:]

    /// Appends the line for `check`, a check of `rule`'s.
    mutating func append(_ check: FailingCheck, of rule: DescribedRule, to text: inout [UInt8]) {
        text.append(contentsOf: rule.rule.title.utf8)
        text.append(contentsOf: ": ".utf8)
        guard let message = check.message else { return text.append(contentsOf: check.reason.utf8) }
        guard let line = line(message, of: rule) else { return text.append(contentsOf: check.reason.utf8) }
        text.append(contentsOf: line)
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
