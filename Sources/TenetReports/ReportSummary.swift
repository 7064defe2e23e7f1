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

    /// Counted in a table by position rather than in the dictionaries, and from each evaluation
    /// in place rather than a copy of it: a large run has hundreds of thousands of evaluations,
    /// and the summary is made on one core after all of them are written.
    init(_ context: ReportContext) {
        rules = context.result.rules.count
        documents = context.documents.count
        evaluations = context.evaluations.count
        let described = context.evaluations.rules
        let policy = context.evaluations.policy
        let states = ComplianceState.allCases
        let severities = Severity.allCases
        var table = [Int](repeating: 0, count: severities.count * states.count)
        var suppressed = 0, failing = 0, accountEvaluations = 0
        context.evaluations.evaluations.withUnsafeBufferPointer { all in
            for position in all.indices {
                let severity = described[position].rule.severity
                let state = all[position].state
                table[severities.firstIndex(of: severity)! * states.count + states.firstIndex(of: state)!] += 1
                if state == .nonCompliant, all[position].suppression != nil { suppressed += 1 }
                if policy.fails(all[position], severity: severity) { failing += 1 }
                if all[position].resource.type == .account { accountEvaluations += 1 }
            }
        }
        self.suppressed = suppressed
        self.failing = failing
        self.accountEvaluations = accountEvaluations
        for (severityIndex, severity) in severities.enumerated() {
            for (stateIndex, state) in states.enumerated() where table[severityIndex * states.count + stateIndex] > 0 {
                counts[severity, default: [:]][state] = table[severityIndex * states.count + stateIndex]
            }
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
