import TenetRules
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

    /// Whether reports list it one by one without `--verbose`: the verdicts someone must act on
    /// or may want to review. Passes and not-applicables are only counted.
    var isListedByDefault: Bool {
        switch self {
        case .violation, .suppressed, .error, .insufficientData: true
        case .compliant, .notApplicable: false
        }
    }
}

/// What reports ask of an evaluation, asked of it in place: an evaluation read from an array and
/// passed as an argument is copied, retaining everything it holds, where a method's receiver is
/// borrowed, and reports ask this of hundreds of thousands of evaluations.
extension Evaluation {
    var disposition: Disposition {
        switch state {
        case .nonCompliant: isSuppressed ? .suppressed : .violation
        case .error: .error
        case .insufficientData: .insufficientData
        case .compliant: .compliant
        case .notApplicable: .notApplicable
        }
    }

    /// `policy.fails(self, severity:)`: the receiver is passed on as it was borrowed.
    func fails(under policy: FailurePolicy, severity: Severity) -> Bool {
        policy.fails(self, severity: severity)
    }
}
