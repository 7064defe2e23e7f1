import TenetDocument
import TenetInventory
import TenetRules
import TenetScan

/// One evaluation with what every encoder looks up for it: its rule's descriptor, how it is
/// presented, and whether it fails the run under the report's policy.
struct ReportedEvaluation: Sendable {
    let evaluation: Evaluation
    /// Shared by every evaluation of the rule: a descriptor is large, and a run has hundreds of
    /// thousands of evaluations.
    let described: DescribedRule
    let disposition: Disposition
    /// Decided by the run's `FailurePolicy`, so a report marks exactly what sets the exit code.
    let failsRun: Bool

    init(evaluation: Evaluation, rule: DescribedRule, disposition: Disposition, failsRun: Bool) {
        self.evaluation = evaluation
        described = rule
        self.disposition = disposition
        self.failsRun = failsRun
    }

    var rule: ScannedRule { described.rule }
    var severity: Severity { described.rule.severity }
    var resource: ScannedResource { evaluation.resource }

    /// Where a reader should look: the first failing check's node, else the resource's declaration.
    var location: FileLocation? {
        evaluation.checks.first?.location ?? evaluation.resource.location
    }

    /// The resource's name within its document: the logical id for a template resource
    /// (`storage.yaml#Bucket` → `Bucket`), `account` for the document's pseudo-resource, the
    /// whole id (an ARN) otherwise.
    /// Compared as bytes, without making `document#`: every evaluation of a JSON or SARIF report
    /// names its resource.
    var resourceName: String {
        let resource = evaluation.resource
        let id = resource.id.rawValue
        let document = resource.document
        if resource.type == .account && id == document { return "account" }
        let bytes = id.utf8
        guard bytes.starts(with: document.utf8), bytes.dropFirst(document.utf8.count).first == UInt8(ascii: "#") else { return id }
        return String(Substring(bytes.dropFirst(document.utf8.count + 1)))
    }
}

/// One rule's descriptor, held once for all its evaluations.
final class DescribedRule: Sendable {
    let rule: ScannedRule

    init(_ rule: ScannedRule) {
        self.rule = rule
    }
}

/// The result's evaluations, each paired with its rule when it is read: the pairs are made on
/// access instead of stored, so a report does not hold a second copy of every evaluation.
struct ReportedEvaluations: RandomAccessCollection, Sendable {
    let evaluations: [Evaluation]
    /// The rule of each evaluation, by position.
    let rules: [DescribedRule]
    let policy: FailurePolicy

    var startIndex: Int { 0 }
    var endIndex: Int { evaluations.count }

    subscript(position: Int) -> ReportedEvaluation {
        let evaluation = evaluations[position]
        let rule = rules[position]
        return ReportedEvaluation(
            evaluation: evaluation, rule: rule, disposition: Disposition(evaluation),
            failsRun: policy.fails(evaluation, severity: rule.rule.severity))
    }
}

/// A scan result as reports read it: every evaluation paired with its rule, in the result's order.
struct ReportContext: Sendable {
    let result: ScanResult
    let options: ReportOptions
    let evaluations: ReportedEvaluations
    let paths: ReportPaths

    init(_ result: ScanResult, options: ReportOptions) {
        self.result = result
        self.options = options
        paths = ReportPaths(baseDirectory: options.baseDirectory)
        evaluations = ReportedEvaluations(evaluations: result.evaluations, rules: Self.rules(of: result), policy: options.policy)
    }

    /// The rule of each evaluation, by position. Looked up on all cores: a large run has hundreds
    /// of thousands of evaluations, and hashing each one's rule id on one core held up every
    /// report before its first byte.
    private static func rules(of result: ScanResult) -> [DescribedRule] {
        let all = result.evaluations
        let known = Dictionary(result.rules.map { ($0.id, DescribedRule($0)) }, uniquingKeysWith: { first, _ in first })
        var described = known
        var rules: [DescribedRule] = []
        rules.reserveCapacity(all.count)
        ParallelChunks.map(count: all.count, { positions in (positions, positions.map { known[all[$0].ruleID] }) }, inOrder: { positions, found in
            for (position, rule) in zip(positions, found) {
                if let rule {
                    rules.append(rule)
                } else {
                    let id = all[position].ruleID
                    let rule = described[id] ?? DescribedRule(undescribedRule(id))
                    described[id] = rule
                    rules.append(rule)
                }
            }
        })
        return rules
    }

    /// Stands in for a rule the result does not describe (the model promises it never happens),
    /// with the severity `FailurePolicy.exitStatus` assumes for it.
    private static func undescribedRule(_ id: String) -> ScannedRule {
        ScannedRule(
            id: id, title: id, severity: .medium, metadata: nil, resourceTypes: [], appliesToAccount: false,
            sourcePath: "", versionHash: "")
    }

    /// The evaluations of one document, by resource.
    struct DocumentGroup: Sendable {
        let document: String
        let resources: [ResourceGroup]
    }

    struct ResourceGroup: Sendable {
        let resource: ScannedResource
        /// Positions in `evaluations`: a group names its verdicts instead of holding a second copy
        /// of every one.
        let positions: Range<Int>
    }

    /// The evaluations grouped by document, then resource, documents in order of first
    /// appearance. The result's order (document, resource, rule) keeps a resource's verdicts
    /// together, so a resource's group ends where the evaluation after it names another one: a
    /// large run groups hundreds of thousands of verdicts, and hashing each resource to find its
    /// group was most of the grouping's time.
    var byDocumentAndResource: [DocumentGroup] {
        let all = evaluations.evaluations
        var resources: [ResourceGroup] = []
        var start = 0
        while start < all.count {
            let resource = all[start].resource
            var end = start + 1
            while end < all.count, all[end].resource == resource { end += 1 }
            resources.append(ResourceGroup(resource: resource, positions: start..<end))
            start = end
        }
        return orderedGroups(resources, by: \.resource.document).map { DocumentGroup(document: $0, resources: $1) }
    }

    /// Documents as the result lists them, then any document only an evaluation names; never the
    /// account pseudo-document, which is no file. A document is looked up only where it differs
    /// from the previous evaluation's, as the result keeps each document's verdicts together, and
    /// each evaluation is read in place, not copied.
    var documents: [String] {
        var seen = Set(result.documents + [result.accountDocument].compactMap { $0 })
        var documents = result.documents
        var previous: String?
        result.evaluations.withUnsafeBufferPointer { all in
            for index in all.indices where all[index].resource.document != previous {
                let document = all[index].resource.document
                previous = document
                if seen.insert(document).inserted { documents.append(document) }
            }
        }
        return documents
    }

    /// The file a document is, for locations to fall back on; nil for the account pseudo-document
    /// and a live collection, which are no files.
    func file(ofDocument document: String) -> String? {
        result.origin(ofDocument: document) == .file ? document : nil
    }

    /// The account pseudo-document when it, not a file, owns the rule's verdicts: an account-level
    /// rule judged once over all the templates, whichever resources it names.
    func accountJudged(by rule: ScannedRule) -> String? {
        rule.appliesToAccount ? result.accountDocument : nil
    }
}

/// Groups elements by a key, keeping the order in which keys first appear and elements' order
/// within a group: reports follow the scan result's stable order.
///
/// That order keeps a document's resources together, so an element whose key equals the previous
/// one's joins its group without hashing the key.
func orderedGroups<Elements: Sequence, Key: Hashable>(_ elements: Elements, by key: (Elements.Element) -> Key) -> [(Key, [Elements.Element])] {
    var keys: [Key] = []
    var members: [[Elements.Element]] = []
    var positions: [Key: Int] = [:]
    var current = -1
    for element in elements {
        let groupKey = key(element)
        if current < 0 || keys[current] != groupKey {
            current = positions[groupKey] ?? keys.count
            if current == keys.count {
                positions[groupKey] = current
                keys.append(groupKey)
                members.append([])
            }
        }
        members[current].append(element)
    }
    return Array(zip(keys, members))
}
