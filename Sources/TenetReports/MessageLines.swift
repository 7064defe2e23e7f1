import TenetScan

/// The text report's line for a failing check's message, after its rule's title
/// (`RDS DB instances are not publicly accessible: RDS instances must not be …`), made once for
/// each message of a rule instead of once per finding.
///
/// Guard messages are indented blocks collapsed to one line; a large run has a hundred thousand
/// findings of a few dozen messages, and collapsing each one again was a fifth of the report's time.
struct MessageLines: Sendable {
    /// Per rule descriptor: each message its checks carry, with its line.
    private let lines: [ObjectIdentifier: [(message: String, line: String)]]

    init(_ evaluations: ReportedEvaluations) {
        var lines: [ObjectIdentifier: [(message: String, line: String)]] = [:]
        for (evaluation, rule) in zip(evaluations.evaluations, evaluations.rules) {
            for check in evaluation.checks {
                guard let message = check.message else { continue }
                let known = lines[ObjectIdentifier(rule), default: []]
                guard !known.contains(where: { $0.message == message }) else { continue }
                lines[ObjectIdentifier(rule)] = known + [(message, Self.line(check, of: rule))]
            }
        }
        self.lines = lines
    }

    /// The line for `check`, a check of `rule`'s.
    func line(_ check: FailingCheck, of rule: DescribedRule) -> String {
        guard let message = check.message,
              let line = lines[ObjectIdentifier(rule)]?.first(where: { $0.message == message })?.line else {
            return Self.line(check, of: rule)
        }
        return line
    }

    private static func line(_ check: FailingCheck, of rule: DescribedRule) -> String {
        "\(rule.rule.title): \(FindingText.message(of: check))"
    }
}
