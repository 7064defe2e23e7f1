import Foundation
import TenetDocument

/// Evaluates compiled rules against documents.
///
/// A `RulesFile` is parsed once and shared; each call builds its own per-document state, so calls
/// for different documents can run on different threads at the same time.
public struct GuardEvaluator: Sendable {
    public var parameters: RuleParameters
    /// The instant `now()` returns; nil reads the system clock. Fixed (`--now`), a rule that
    /// compares dates with `now()` gives the same answer on every run.
    public var now: Date?
    /// Shared by the copies of this evaluator, so every rules file evaluated on a document
    /// reuses one index of its resources by type.
    private let resourceTypeIndexes = ResourceTypeIndexCache()

    public init(parameters: RuleParameters = .none, now: Date? = nil) {
        self.parameters = parameters
        self.now = now
    }

    /// Every rule of `rules` against the document whose root is `root`. Throws a `Diagnostic` for
    /// an error that stops the evaluation (an undefined variable, a rule cycle, …).
    public func evaluate(_ rules: RulesFile, root: Node) throws(Diagnostic) -> FileResult {
        let session = EvaluationSession(file: rules, root: root, parameters: parameters, now: now, resourceTypeIndexes: resourceTypeIndexes)
        return FileResult(rulesFile: rules.name, documentName: root.document.sourceName, rules: try session.evaluateAll())
    }

    public func evaluate(_ rules: RulesFile, document: Document) throws(Diagnostic) -> FileResult {
        try evaluate(rules, root: document.root)
    }
}
