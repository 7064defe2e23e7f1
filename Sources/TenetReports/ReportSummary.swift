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

    /// Counted on all cores, a run of evaluations at a time: a large run has hundreds of
    /// thousands of evaluations, and the summary is made after all of them are written.
    init(_ context: ReportContext) {
        rules = context.result.rules.count
        documents = context.documents.count
        evaluations = context.evaluations.count
        var total = Tally()
        ParallelChunks.map(count: context.evaluations.count, { Tally(context.evaluations, at: $0) }, inOrder: { total.add($0) })
        suppressed = total.suppressed
        failing = total.failing
        accountEvaluations = total.accountEvaluations
        for severity in Severity.allCases {
            for state in ComplianceState.allCases where total.count(severity, state) > 0 {
                counts[severity, default: [:]][state] = total.count(severity, state)
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

/// The summary's counts over some of the evaluations, by severity and state in a table by
/// position rather than in dictionaries, each evaluation read in place, a field at a time, rather
/// than copied.
private struct Tally: Sendable {
    private static let severities = Severity.allCases
    private static let states = ComplianceState.allCases
    private var table = [Int](repeating: 0, count: severities.count * states.count)
    var suppressed = 0
    var failing = 0
    var accountEvaluations = 0

    init() {}

    init(_ evaluations: ReportedEvaluations, at positions: Range<Int>) {
        var tally = Tally()
        evaluations.evaluations.withUnsafeBufferPointer { all in
            for position in positions {
                let severity = evaluations.rules[position].rule.severity
                let state = all[position].state
                tally.table[Self.index(severity, state)] += 1
                if state == .nonCompliant, all[position].isSuppressed { tally.suppressed += 1 }
                let fails = evaluations.policy.fails(
                    state: state, isSuppressed: all[position].isSuppressed, baseline: all[position].baseline, severity: severity)
                if fails { tally.failing += 1 }
                if all[position].resource.type == .account { tally.accountEvaluations += 1 }
            }
        }
        self = tally
    }

    mutating func add(_ other: Tally) {
        for index in table.indices { table[index] += other.table[index] }
        suppressed += other.suppressed
        failing += other.failing
        accountEvaluations += other.accountEvaluations
    }

    func count(_ severity: Severity, _ state: ComplianceState) -> Int {
        table[Self.index(severity, state)]
    }

    private static func index(_ severity: Severity, _ state: ComplianceState) -> Int {
        severities.firstIndex(of: severity)! * states.count + states.firstIndex(of: state)!
    }
}
