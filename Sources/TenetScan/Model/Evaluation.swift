/// The verdict of one rule on one resource, with everything a report, the history store or an
/// export needs.
public struct Evaluation: Sendable {
    /// The rule's id; the scan result's `rules` holds its descriptor.
    public var ruleID: String
    public var resource: ScannedResource
    public var state: ComplianceState
    /// For `nonCompliant`, every failing check; empty otherwise.
    public var checks: [FailingCheck]
    /// For `error` and `insufficientData`: what went wrong, in words.
    public var detail: String?
    /// Set when a suppression in force covers this non-compliant verdict; the state stays
    /// `nonCompliant` so every report can still show it, but it no longer fails the run.
    public var suppression: Suppression? {
        get { suppressedBy?.suppression }
        set { suppressedBy = newValue.map(SuppressionReference.init) }
    }
    /// Whether a suppression is set, read without copying it out.
    public var isSuppressed: Bool { suppressedBy != nil }
    /// Held by reference: few verdicts are suppressed, and a suppression stored in place would
    /// double the size of every one of a large run's hundreds of thousands of evaluations.
    private var suppressedBy: SuppressionReference?
    /// Set when the run was compared with a baseline.
    public var baseline: BaselineClass?

    public init(
        ruleID: String, resource: ScannedResource, state: ComplianceState, checks: [FailingCheck] = [], detail: String? = nil,
        suppression: Suppression? = nil, baseline: BaselineClass? = nil
    ) {
        self.ruleID = ruleID
        self.resource = resource
        self.state = state
        self.checks = checks
        self.detail = detail
        suppressedBy = suppression.map(SuppressionReference.init)
        self.baseline = baseline
    }

    /// The fingerprint baselines record: one per finding, keyed on the first failing path.
    public var fingerprint: FindingFingerprint {
        FindingFingerprint(rule: ruleID, resource: resource.id, propertyPath: fingerprintPath)
    }

    /// The property path the fingerprint is keyed on, which a baseline file writes beside it.
    public var fingerprintPath: String? { checks.first?.propertyPath?.description }
}

/// A suppression shared, not copied, by the evaluation that carries it.
private final class SuppressionReference: Sendable {
    let suppression: Suppression

    init(_ suppression: Suppression) {
        self.suppression = suppression
    }
}
