/// The `fix:` note of each violation in the text report: a rule's remediation in full at the
/// rule's first violation in the report's order, and at every later one a line pointing back.
///
/// A remediation is often a ten-line example, and a large run has tens of thousands of violations
/// of one rule: repeated at each, one example made most of a report (144 MB of 20,000 resources).
struct FixNotes: Sendable {
    /// Per rule id: where its first violation is among the evaluations, and what later ones say.
    private let first: [String: (position: Int, reference: String)]

    /// `groups` in the order the report prints them; `reference` words how a later violation
    /// points back to the first.
    init(_ groups: [ReportContext.DocumentGroup], of evaluations: ReportedEvaluations, reference: (ReportedEvaluation) -> String) {
        var first: [String: (position: Int, reference: String)] = [:]
        for group in groups {
            for resource in group.resources {
                for position in resource.positions where Disposition(evaluations.evaluations[position]) == .violation {
                    let rule = evaluations.rules[position].rule
                    guard rule.metadata?.remediation != nil, first[rule.id] == nil else { continue }
                    first[rule.id] = (position, reference(evaluations[position]))
                }
            }
        }
        self.first = first
    }

    /// The note of the evaluation at `position`; nil when it is no violation or its rule has no fix.
    func note(for reported: ReportedEvaluation, at position: Int) -> String? {
        guard reported.disposition == .violation, let remediation = reported.rule.metadata?.remediation,
              let first = first[reported.rule.id] else { return nil }
        return "fix: " + (first.position == position ? remediation : first.reference)
    }
}
