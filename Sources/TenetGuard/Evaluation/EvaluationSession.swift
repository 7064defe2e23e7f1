import Foundation
import TenetDocument

/// The state of evaluating one rules file against one document: variable caches, the statuses of
/// rules already evaluated (a rule referenced twice is evaluated once), the stack of rules being
/// evaluated (to report a cycle), and the failures of the rule in progress.
///
/// A session belongs to one document and one thread. Rules files are immutable and shared, so any
/// number of sessions can run in parallel.
final class EvaluationSession {
    let file: RulesFile
    let documentRoot: Node
    let parameters: RuleParameters
    /// What `now()` returns; nil reads the system clock.
    let now: Date?
    let resourceTypeIndexes: ResourceTypeIndexCache
    private let sharedRoot: DataRoot
    private lazy var sharedScope = VariableScope(parent: nil, bindings: file.bindingsByName, root: sharedRoot.value)
    private var parameterScopes: [String: VariableScope] = [:]

    /// Lookups of the file's keys in the document.
    var documentKeys: DocumentKeys
    private var outcomes: [Int: RuleResult] = [:]
    private var ruleStack: [Int] = []

    /// Failures of the rule being evaluated.
    var failures: [ClauseFailure] = []
    /// Above zero while evaluating filters and conditions, whose failures are not the rule's.
    var muted = 0
    var currentRule = ""
    /// Clauses being evaluated, one inside the other, bounded by `maxClauseDepth`.
    var clauseDepth = 0
    static let maxClauseDepth = 200
    /// Parameterized-rule calls in progress, bounded by `maxParameterizedCallDepth`.
    var parameterizedCallDepth = 0
    static let maxParameterizedCallDepth = 64

    init(file: RulesFile, root: Node, parameters: RuleParameters, now: Date? = nil, resourceTypeIndexes: ResourceTypeIndexCache) {
        self.file = file
        self.documentRoot = root
        self.parameters = parameters
        self.now = now
        self.resourceTypeIndexes = resourceTypeIndexes
        self.sharedRoot = DataRoot(base: root, overlay: parameters.shared)
        documentKeys = DocumentKeys(document: root.document, keyCount: file.keyCount)
    }

    /// Every rule's result, in file order.
    func evaluateAll() throws(Diagnostic) -> [RuleResult] {
        var results: [RuleResult] = []
        results.reserveCapacity(file.rules.count)
        for index in file.rules.indices {
            results.append(try evaluateRule(at: index))
        }
        return results
    }

    /// The scope a rule's variables start from: the shared file scope, or one of its own when the
    /// rule has its own parameters (file-level `let`s may read them).
    private func fileScope(forRule name: String) -> VariableScope {
        guard let overlay = parameters.overlay(forRule: name) else { return sharedScope }
        if let scope = parameterScopes[name] { return scope }
        let root = DataRoot(base: documentRoot, overlay: overlay)
        let scope = VariableScope(parent: nil, bindings: file.bindingsByName, root: root.value)
        parameterScopes[name] = scope
        return scope
    }

    func evaluateRule(at index: Int) throws(Diagnostic) -> RuleResult {
        if let done = outcomes[index] { return done }
        let rule = file.rules[index]
        if ruleStack.contains(index) {
            let cycle = (ruleStack.drop { $0 != index } + [index]).map { file.rules[$0].name }.joined(separator: " → ")
            throw Diagnostic(
                code: .guardRuleCycle,
                message: "rules reference each other in a cycle (\(cycle)); expected rule references without a cycle",
                location: rule.span.location).withSource(file.source)
        }
        ruleStack.append(index)
        let savedFailures = failures
        let savedRule = currentRule
        let savedMuted = muted
        failures = []
        muted = 0
        currentRule = rule.name
        defer {
            failures = savedFailures
            currentRule = savedRule
            muted = savedMuted
            ruleStack.removeLast()
        }

        let outer = fileScope(forRule: rule.name)
        let scope = rule.body.bindings.isEmpty ? outer : VariableScope(parent: outer, bindings: rule.body.bindingsByName, root: outer.root)
        var status: GuardStatus
        if let conditions = rule.conditions, try muting({ () throws(Diagnostic) in try evaluate(conditions, this: scope.root, scope: scope) }) != .pass {
            status = .skip
        } else {
            status = try evaluate(rule.body.conjunction, this: scope.root, scope: scope)
        }
        let result = RuleResult(name: rule.name, status: status, failures: status == .fail ? failures : [], span: rule.span)
        outcomes[index] = result
        return result
    }

    /// The status a reference to `name` sees: the first non-SKIP status among the rules of that name.
    func referencedStatus(_ name: String, at span: SourceSpan) throws(Diagnostic) -> GuardStatus {
        guard let indices = file.rulesByName[name] else {
            throw evaluationError("there is no rule named '\(name)' in \(file.name); expected the name of a rule in this file", at: span)
        }
        var status = GuardStatus.skip
        for index in indices {
            let result = try evaluateRule(at: index)
            if result.status != .skip {
                status = result.status
                break
            }
        }
        return status
    }

    func muting<T>(_ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        muted += 1
        defer { muted -= 1 }
        return try body()
    }

    func record(_ failure: @autoclosure () -> ClauseFailure) {
        guard muted == 0 else { return }
        failures.append(failure())
    }

    func evaluationError(_ message: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(code: .guardEvaluation, message: message, location: span.location).withSource(file.source)
    }
}
