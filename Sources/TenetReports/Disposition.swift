import TenetScan

/// How a report presents one evaluation: the compliance state, with suppressed findings set
/// apart because every format shows them differently from open ones (skipped in JUnit, SARIF
/// `suppressions`, a notice in GitHub annotations).
enum Disposition: String, Sendable, CaseIterable {
    case violation
    case suppressed
    case error
    case insufficientData
    case compliant
    case notApplicable

    init(_ evaluation: Evaluation) {
        self.init(state: evaluation.state, isSuppressed: evaluation.isSuppressed)
    }

    /// From the parts of an evaluation it depends on, for a caller that reads them in place: an
    /// evaluation passed whole from an array is copied, retaining everything it holds.
    init(state: ComplianceState, isSuppressed: Bool) {
        switch state {
        case .nonCompliant: self = isSuppressed ? .suppressed : .violation
        case .error: self = .error
        case .insufficientData: self = .insufficientData
        case .compliant: self = .compliant
        case .notApplicable: self = .notApplicable
        }
    }

    /// Whether reports list it one by one without `--verbose`: the verdicts someone must act on
    /// or may want to review. Passes and not-applicables are only counted.
    var isListedByDefault: Bool {
        switch self {
        case .violation, .suppressed, .error, .insufficientData: true
        case .compliant, .notApplicable: false
        }
    }
}
