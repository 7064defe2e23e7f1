import Foundation
import TenetDocument
import TenetGuard
import TenetInventory
import TenetTemplates

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

    /// Each document owns its account: account-level rules run on every document. `progress`
    /// hears of every finished evaluation.
    ///
    /// The documents are taken, not borrowed, so that they are freed as soon as the rules have
    /// run, before the result is put in order: that is when a large run's memory peaks.
    public func scan(
        _ documents: consuming [ScanDocument], evaluatedAt: Date = Date(), skippedFiles: [ScanResult.SkippedFile] = [],
        progress: ScanProgress? = nil
    ) -> ScanResult {
        let documents = consume documents
        // The resources' order is found on a thread of its own while rules run.
        let ordering = BackgroundComputation { [documents] in ResourceOrder(documents) }
        return scan(
            documents, account: nil as (() throws(Never) -> ScanDocument)?, order: { ordering.value }, evaluatedAt: evaluatedAt,
            skippedFiles: skippedFiles, progress: progress)
    }

    /// `check`'s templates: each is a document, and account-level rules run on all of them
    /// together, ``ScanDocument/account(of:)``, instead of on each. That document — a copy of
    /// every resource — is assembled on another thread while the templates' own rules run, and
    /// the resources' order found there once it is, so that neither waits for the rules.
    public func scan(
        templates: [CollectedTemplate], evaluatedAt: Date = Date(), skippedFiles: [ScanResult.SkippedFile] = [], progress: ScanProgress? = nil
    ) throws(Diagnostic) -> ScanResult {
        let documents = templates.map(ScanDocument.init(template:))
        let assembly = BackgroundComputation { [documents] in
            Result { () throws(Diagnostic) in
                let account = try ScanDocument.account(of: templates)
                return (account: account, order: ResourceOrder(documents + [account]))
            }
        }
        let result = try scan(
            documents, account: { () throws(Diagnostic) in try assembly.value.get().account },
            order: { () throws(Diagnostic) in try assembly.value.get().order },
            evaluatedAt: evaluatedAt, skippedFiles: skippedFiles, progress: progress)
        Self.free(consume assembly)
        return result
    }

    /// With an `account` document, account-level rules run on it alone, after the other
    /// documents' rules, so that it may still be in the making while those run. `order` is the
    /// order of every document's resources, the account document's last.
    private func scan<Failure: Error>(
        _ documents: consuming [ScanDocument], account: (() throws(Failure) -> ScanDocument)?, order: () throws(Failure) -> ResourceOrder,
        evaluatedAt: Date, skippedFiles: [ScanResult.SkippedFile], progress: ScanProgress?
    ) throws(Failure) -> ScanResult {
        var documents = consume documents
        let accountIndex = account.map { _ in documents.count }
        let documentCount = documents.count + (account == nil ? 0 : 1)
        var pairs: [Pair] = []
        for (documentIndex, document) in documents.enumerated() {
            let present = document.types
            for (ruleIndex, rule) in ruleSet.rules.enumerated() {
                let descriptor = rule.descriptor
                let holdsItsTypes = descriptor.resourceTypes.contains { present.contains($0) || document.insufficientTypes[$0] != nil }
                if account == nil ? descriptor.appliesToAccount || holdsItsTypes : !descriptor.appliesToAccount && holdsItsTypes {
                    pairs.append(Pair(document: documentIndex, rule: ruleIndex))
                }
            }
        }
        if let accountIndex {
            for (ruleIndex, rule) in ruleSet.rules.enumerated() where rule.descriptor.appliesToAccount {
                pairs.append(Pair(document: accountIndex, rule: ruleIndex))
            }
        }
        let evaluator = GuardEvaluator(parameters: ruleSet.parameters, now: evaluatedAt)
        let rules = ruleSet.rules
        progress?.begin(
            evaluationsPerDocument: pairs.reduce(into: Array(repeating: 0, count: documentCount)) { $0[$1.document] += 1 },
            counted: accountIndex ?? documentCount)
        let evaluate = { @Sendable (pair: Pair, documents: [ScanDocument]) -> Verdicts in
            let verdicts = VerdictAssignment(rule: rules[pair.rule].descriptor, document: documents[pair.document])
                .verdicts(for: Result { () throws(Diagnostic) in try evaluator.evaluate(try rules[pair.rule].body.rules(), root: documents[pair.document].root) })
            progress?.evaluationFinished(inDocument: pair.document)
            return verdicts
        }
        let ownPairs = pairs.prefix { $0.document != accountIndex }
        var verdicts = Self.largestFirst(Array(ownPairs), of: documents, rules: rules).concurrentMap { [documents] in evaluate($0, documents) }
        if let account {
            documents.append(try account())
            verdicts += Self.largestFirst(Array(pairs[ownPairs.count...]), of: documents, rules: rules).concurrentMap { [documents] in evaluate($0, documents) }
        }
        let resourceOrder = try order()
        let accountName = account == nil ? nil : documents.last?.name
        let names = documents.map(\.name)
        let liveDocuments = Set(documents.filter { $0.origin == .live }.map(\.name))
        Self.free(consume documents)
        return ScanResult(
            rules: rules.map(\.descriptor), documents: Array(names.prefix(accountIndex ?? names.count)),
            accountDocument: accountName, liveDocuments: liveDocuments,
            evaluations: Self.ordered(consume verdicts, of: pairs, in: resourceOrder, rules: rules.count),
            skippedFiles: skippedFiles, evaluatedAt: evaluatedAt)
    }

    /// The pairs, the rules that judge most resources first, each marked with its place in
    /// `pairs`. Pairs are handed to the cores in order: a rule over every resource of a large
    /// template, left until last, would run alone on one core while the others wait for it.
    private static func largestFirst(_ pairs: [Pair], of documents: [ScanDocument], rules: [CompiledRule]) -> ScheduledPairs {
        let sizes = pairs.map { pair in
            let document = documents[pair.document]
            let descriptor = rules[pair.rule].descriptor
            return descriptor.appliesToAccount
                ? document.entries.count : descriptor.resourceTypes.reduce(0) { $0 + (document.entriesByType[$1]?.count ?? 0) }
        }
        return ScheduledPairs(pairs: pairs, order: pairs.indices.sorted { sizes[$0] > sizes[$1] })
    }

    /// Pairs run in one order whose results are wanted in another.
    private struct ScheduledPairs {
        var pairs: [Pair]
        /// Positions in `pairs`, in the order they run.
        var order: [Int]

        /// `transform` of each pair on all cores, started in `order`, results in `pairs`' order.
        func concurrentMap<Result: Sendable>(_ transform: @Sendable (Pair) -> Result) -> [Result] {
            let scheduled = order.map { pairs[$0] }.concurrentMap(transform)
            var results = [Result?](repeating: nil, count: pairs.count)
            for (position, result) in zip(order, consume scheduled) { results[position] = result }
            return results.map { $0! }
        }
    }

    /// The verdicts in the result's order: document, resource id, rule id — that is, by resource
    /// rank, then rule (rules are already in id order), ties kept as the engine made them. Two
    /// stable counting sorts of positions, by rule and then by rank, find that order in time
    /// linear in the number of verdicts, comparing nothing. Each evaluation is then moved, never
    /// copied, from its pair's verdicts straight to its place: a copy of an evaluation retains
    /// every reference it holds, and a large run has hundreds of thousands of them. The moves,
    /// to scattered places, are shared out by pair among the cores, which would otherwise wait
    /// on one: every evaluation has a place of its own.
    private static func ordered(_ verdicts: consuming [Verdicts], of pairs: [Pair], in resourceOrder: ResourceOrder, rules: Int) -> [Evaluation] {
        var verdicts = consume verdicts
        let count = verdicts.reduce(0) { $0 + $1.evaluations.count }
        var ranks: [Int32] = []
        ranks.reserveCapacity(count)
        var ruleIndexes: [Int32] = []
        ruleIndexes.reserveCapacity(count)
        for pairIndex in verdicts.indices {
            let pair = pairs[pairIndex]
            ranks.append(contentsOf: verdicts[pairIndex].subjects.lazy.map { resourceOrder.rank(of: $0, inDocument: pair.document) })
            ruleIndexes.append(contentsOf: repeatElement(Int32(pair.rule), count: verdicts[pairIndex].evaluations.count))
        }
        let byRule = stablyOrdered(Array(0..<Int32(count)), by: ruleIndexes, keyCount: rules)
        let destination = inverse(of: stablyOrdered(byRule, by: ranks, keyCount: resourceOrder.count))
        var laidOut = 0
        let ends = verdicts.map { run in
            laidOut += run.evaluations.count
            return laidOut
        }
        let pairCount = verdicts.count
        let pairsPerShare = max(1, pairCount / (4 * ProcessInfo.processInfo.activeProcessorCount))
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            verdicts.withUnsafeMutableBufferPointer { runs in
                let moves = EvaluationMoves(runs: runs, places: buffer)
                DispatchQueue.concurrentPerform(iterations: (pairCount + pairsPerShare - 1) / pairsPerShare) { share in
                    for pairIndex in share * pairsPerShare..<min((share + 1) * pairsPerShare, pairCount) {
                        moves.move(run: pairIndex, endingAt: ends[pairIndex], to: destination)
                    }
                }
            }
            initialized = count
        }
    }

    /// Moves pairs' evaluations to their places in the result. Shared by the cores that do the
    /// moves: each takes its own pairs, and every evaluation's place is distinct.
    private struct EvaluationMoves: @unchecked Sendable {
        let runs: UnsafeMutableBufferPointer<Verdicts>
        let places: UnsafeMutableBufferPointer<Evaluation>

        /// Moves the evaluations of `runs[run]`, which stand at positions up to `end` of all
        /// the runs laid end to end, to the places `destination` gives those positions.
        func move(run: Int, endingAt end: Int, to destination: [Int32]) {
            var source = end
            while let evaluation = runs[run].takeLast() {
                source -= 1
                (places.baseAddress! + Int(destination[source])).initialize(to: evaluation)
            }
        }
    }

    /// Drops the last reference to `value` on another thread: freeing a large document is a walk
    /// over every node, which need not hold up ordering and reporting. The value is dropped there
    /// explicitly: a copy captured by the job would leave this thread's copy to be released
    /// last, here, whenever the job finished first.
    private static func free<Value: Sendable>(_ value: consuming Value) {
        let held = HeldForFreeing(consume value)
        DispatchQueue.global().async { held.drop() }
    }

    private final class HeldForFreeing<Value: Sendable>: @unchecked Sendable {
        /// Written by `drop` alone, on the freeing thread.
        private var value: Value?

        init(_ value: consuming Value) {
            self.value = consume value
        }

        func drop() {
            value = nil
        }
    }

    /// Where each position stands in `order`, a permutation of `0..<order.count`.
    private static func inverse(of order: [Int32]) -> [Int32] {
        var places = [Int32](repeating: 0, count: order.count)
        for (place, position) in order.enumerated() { places[Int(position)] = Int32(place) }
        return places
    }

    /// `positions` ordered by `key[position]`, those with equal keys in the order given.
    private static func stablyOrdered(_ positions: [Int32], by key: [Int32], keyCount: Int) -> [Int32] {
        var next = [Int](repeating: 0, count: keyCount + 1)
        for position in positions { next[Int(key[Int(position)]) + 1] += 1 }
        for value in 0..<keyCount { next[value + 1] += next[value] }
        var ordered = [Int32](repeating: 0, count: positions.count)
        for position in positions {
            let value = Int(key[Int(position)])
            ordered[next[value]] = position
            next[value] += 1
        }
        return ordered
    }

    private struct Pair: Sendable {
        var document: Int
        var rule: Int
    }
}
