import TenetDocument
import TenetRules

/// Which verdicts fail a run (`--fail-on`, `--fail-on-insufficient-data`, a baseline): one
/// decision shared by the exit code and by the reports that mark failures.
public struct FailurePolicy: Sendable, Equatable {
    /// Non-compliant findings of this severity or above fail the run.
    public var threshold: Severity
    public var failOnInsufficientData: Bool

    public init(threshold: Severity = .low, failOnInsufficientData: Bool = false) {
        self.threshold = threshold
        self.failOnInsufficientData = failOnInsufficientData
    }

    /// Whether this verdict fails the run. Suppressed findings and findings a baseline already
    /// knew do not; an evaluation error always does.
    public func fails(_ evaluation: Evaluation, severity: Severity) -> Bool {
        fails(state: evaluation.state, isSuppressed: evaluation.isSuppressed, baseline: evaluation.baseline, severity: severity)
    }

    /// The same decision from the parts of a verdict it depends on, for a caller that reads them
    /// in place: an evaluation passed whole from an array is copied, retaining everything it
    /// holds, and a report asks this of each of hundreds of thousands.
    public func fails(state: ComplianceState, isSuppressed: Bool, baseline: BaselineClass?, severity: Severity) -> Bool {
        switch state {
        case .error:
            return true
        case .insufficientData:
            return failOnInsufficientData
        case .nonCompliant:
            return !isSuppressed && baseline != .persistent && severity >= threshold
        case .compliant, .notApplicable:
            return false
        }
    }

    public func exitStatus(for result: ScanResult) -> ExitStatus {
        let failed = result.evaluations.contains { evaluation in
            fails(evaluation, severity: result.rule(evaluation.ruleID)?.severity ?? .medium)
        }
        return failed ? .failuresFound : .ok
    }
}
