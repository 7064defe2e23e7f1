/// The `fix:` note of each violation in the text report: a rule's remediation in full at the
/// rule's first violation in the report's order, and at every later one a line pointing back.
///
/// A remediation is often a ten-line example, and a large run has tens of thousands of violations
/// of one rule: repeated at each, one example made most of a report (144 MB of 20,000 resources).
struct FixNotes: Sendable {
    /// Per rule descriptor: where its first violation is among the evaluations, and what later
    /// ones say. Keyed by the descriptor every evaluation of the rule shares, not its id: looked
    /// up for each of a hundred thousand violations.
    private let first: [ObjectIdentifier: (position: Int, reference: String)]

    /// `groups` in the order the report prints them; `reference` words how a later violation
    /// points back to the first.
    init(_ groups: [ReportContext.DocumentGroup], of evaluations: ReportedEvaluations, reference: (ReportedEvaluation) -> String) {
        var first: [ObjectIdentifier: (position: Int, reference: String)] = [:]
        // A rule's metadata is looked at once, at its first violation, not at every one.
        var seen: Set<ObjectIdentifier> = []
        for group in groups {
            for resource in group.resources {
                for position in resource.positions where Disposition(evaluations.evaluations[position]) == .violation {
                    let rule = evaluations.rules[position]
                    guard seen.insert(ObjectIdentifier(rule)).inserted, rule.rule.metadata?.remediation != nil else { continue }
                    first[ObjectIdentifier(rule)] = (position, reference(evaluations[position]))
                }
            }
        }
        self.first = first
    }

    /// What a violation's note says after `fix: `.
    struct Fix {
        let text: String
        /// Whether it points back to the rule's first violation: the same at every later one.
        let isReference: Bool
    }

    /// The fix note of the evaluation at `position`; nil when it is no violation or its rule has
    /// no fix.
    func fix(for reported: ReportedEvaluation, at position: Int) -> Fix? {
        guard reported.disposition == .violation, let first = first[ObjectIdentifier(reported.described)] else { return nil }
        guard first.position == position else { return Fix(text: first.reference, isReference: true) }
        return reported.rule.metadata.map { Fix(text: $0.remediation, isReference: false) }
    }
}
