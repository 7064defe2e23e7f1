import Foundation
import TenetDocument
import TenetGuard
import TenetInventory

/// Evaluates a rule set over documents and assigns every verdict to a resource.
///
/// Each rule runs once over each whole document — cross-resource rules see everything — and only
/// over documents holding a resource of its types (account-level rules run everywhere). The
/// (rule, document) pairs run in parallel on all cores; a rule not yet parsed is parsed by the
/// first pair that needs it, so rules that apply to nothing are never parsed, and a body that
/// fails to parse is an `ERROR` verdict, never dropped.
public struct ScanEngine: Sendable {
    public var ruleSet: RuleSet

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    /// With an `accountDocument`, account-level rules run on it alone instead of on each document.
    /// `progress` hears of every finished evaluation.
    ///
    /// The documents are taken, not borrowed, so that the ones the caller no longer holds (the
    /// account document is a copy of every template's resources) are freed as soon as the rules
    /// have run, before the result is put in order: that is when a large run's memory peaks.
    public func scan(
        _ documents: consuming [ScanDocument], accountDocument: consuming ScanDocument? = nil, evaluatedAt: Date = Date(),
        skippedFiles: [ScanResult.SkippedFile] = [], progress: ScanProgress? = nil
    ) -> ScanResult {
        let accountName = accountDocument?.name
        let documents = (consume documents) + (accountDocument.map { [$0] } ?? [])
        let accountIndex = accountDocument.map { _ in documents.count - 1 }
        var pairs: [Pair] = []
        for (documentIndex, document) in documents.enumerated() {
            let present = document.types
            for (ruleIndex, rule) in ruleSet.rules.enumerated() {
                let descriptor = rule.descriptor
                let holdsItsTypes = descriptor.resourceTypes.contains { present.contains($0) || document.insufficientTypes[$0] != nil }
                let applies = if let accountIndex {
                    descriptor.appliesToAccount ? documentIndex == accountIndex : documentIndex != accountIndex && holdsItsTypes
                } else {
                    descriptor.appliesToAccount || holdsItsTypes
                }
                if applies { pairs.append(Pair(document: documentIndex, rule: ruleIndex)) }
            }
        }
        let evaluator = GuardEvaluator(parameters: ruleSet.parameters, now: evaluatedAt)
        let rules = ruleSet.rules
        progress?.begin(
            evaluationsPerDocument: pairs.reduce(into: Array(repeating: 0, count: documents.count)) { $0[$1.document] += 1 },
            counted: accountIndex ?? documents.count)
        let verdicts = pairs.concurrentMap { pair in
            let evaluations = VerdictAssignment(rule: rules[pair.rule].descriptor, document: documents[pair.document])
                .evaluations(for: Result { () throws(Diagnostic) in try evaluator.evaluate(try rules[pair.rule].body.rules(), root: documents[pair.document].root) })
            progress?.evaluationFinished(inDocument: pair.document)
            return evaluations
        }
        let names = documents.map(\.name)
        let liveDocuments = Set(documents.filter { $0.origin == .live }.map(\.name))
        _ = consume documents
        _ = consume accountDocument
        return ScanResult(
            rules: rules.map(\.descriptor), documents: Array(names.prefix(accountIndex ?? names.count)),
            accountDocument: accountName, liveDocuments: liveDocuments,
            evaluations: Self.ordered(consume verdicts, of: pairs, documentNames: names),
            skippedFiles: skippedFiles, evaluatedAt: evaluatedAt)
    }

    /// The verdicts in the result's order: document, resource id, rule id. Sorting the
    /// evaluations themselves would compare strings and move large values at every step; instead
    /// each gets a key of ranks (rules are already in id order, resource ids are ranked once) and
    /// only the keys are sorted. The evaluations are read in place, by position: iterating over
    /// them would copy each one, strings and all, to read two fields. They are gathered into one
    /// array, each pair's emptied as it is taken, and put in order there by swaps, so that a
    /// large run never holds its verdicts twice.
    private static func ordered(_ verdicts: consuming [[Evaluation]], of pairs: [Pair], documentNames: [String]) -> [Evaluation] {
        let order = Dictionary(documentNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var distinctIDs: Set<ResourceID> = []
        for pairIndex in verdicts.indices {
            for position in verdicts[pairIndex].indices { distinctIDs.insert(verdicts[pairIndex][position].resource.id) }
        }
        let idRank = Dictionary(uniqueKeysWithValues: distinctIDs.sorted().enumerated().map { ($1, $0) })
        let count = verdicts.reduce(0) { $0 + $1.count }
        var evaluations: [Evaluation] = []
        evaluations.reserveCapacity(count)
        var keys: [SortKey] = []
        keys.reserveCapacity(count)
        for pairIndex in verdicts.indices {
            for position in verdicts[pairIndex].indices {
                keys.append(SortKey(
                    document: order[verdicts[pairIndex][position].resource.document] ?? 0,
                    resource: idRank[verdicts[pairIndex][position].resource.id]!, rule: pairs[pairIndex].rule, gathered: evaluations.count + position))
            }
            evaluations.append(contentsOf: verdicts[pairIndex])
            verdicts[pairIndex] = []
        }
        keys.sort()
        // `source[p]` is where the evaluation that belongs at `p` is now; each cycle of the
        // permutation is walked once, swapping its evaluations into place.
        var source = keys.map(\.gathered)
        for start in source.indices {
            var position = start
            while source[position] != start {
                let next = source[position]
                evaluations.swapAt(position, next)
                source[position] = position
                position = next
            }
            source[position] = position
        }
        return evaluations
    }

    /// Where a verdict goes in the result, and where it was gathered. The last field keeps the
    /// order of verdicts that tie on the first three as the engine made them.
    private struct SortKey: Comparable {
        var document: Int
        var resource: Int
        var rule: Int
        var gathered: Int

        static func < (left: SortKey, right: SortKey) -> Bool {
            (left.document, left.resource, left.rule, left.gathered) < (right.document, right.resource, right.rule, right.gathered)
        }
    }

    private struct Pair: Sendable {
        var document: Int
        var rule: Int
    }
}
