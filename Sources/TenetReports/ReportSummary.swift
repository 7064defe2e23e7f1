import TenetInventory
import TenetRules
import TenetScan

/// The counts every report's summary shows: evaluations by severity and state, and how many
/// findings were suppressed and how many fail the run.
public struct ReportSummary: Sendable, Equatable {
    /// Evaluations per rule severity and compliance state; suppressed findings are counted as
    /// `NON_COMPLIANT` here and in ``suppressed``.
    public private(set) var counts: [Severity: [ComplianceState: Int]] = [:]
    public private(set) var suppressed = 0
    /// Evaluations that fail the run under the report's policy.
    public private(set) var failing = 0
    public let rules: Int
    public let documents: Int
    public let evaluations: Int
    /// Evaluations of account pseudo-resources, which no one file declares.
    public private(set) var accountEvaluations = 0

    public init(_ result: ScanResult, policy: FailurePolicy) {
        self.init(ReportContext(result, options: ReportOptions(policy: policy, toolVersion: "", baseDirectory: "/")))
    }

    init(_ context: ReportContext) {
        rules = context.result.rules.count
        documents = context.documents.count
        evaluations = context.evaluations.count
        for reported in context.evaluations {
            counts[reported.severity, default: [:]][reported.evaluation.state, default: 0] += 1
            if reported.disposition == .suppressed { suppressed += 1 }
            if reported.failsRun { failing += 1 }
            if reported.resource.type == .account { accountEvaluations += 1 }
        }
    }

    public func count(_ severity: Severity, _ state: ComplianceState) -> Int {
        counts[severity]?[state] ?? 0
    }

    public func count(_ state: ComplianceState) -> Int {
        Severity.allCases.reduce(0) { $0 + count($1, state) }
    }

    /// Severities from the most severe down, as summaries list them.
    static let severitiesMostSevereFirst: [Severity] = Severity.allCases.reversed()

    /// States in the order summaries print them: the ones needing attention first.
    static let statesInOrder: [ComplianceState] = ComplianceState.allCases.sorted()
}
