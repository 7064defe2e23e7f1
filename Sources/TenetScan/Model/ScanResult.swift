import Foundation
import TenetDocument
import TenetInventory
import TenetRules
import TenetTemplates

/// Everything one run of `check` or `scan` found: the one report model every output format encodes.
public struct ScanResult: Sendable {
    /// A file that was looked at but not checked, and why: the template collector's own record.
    public typealias SkippedFile = TemplateSet.SkippedFile

    /// The rules run, in id order.
    public var rules: [ScannedRule]
    /// The templates or inventories evaluated, as given on the command line.
    public var documents: [String]
    /// The pseudo-document account-level rules judged when it is no file of its own (`check`'s
    /// templates together, ``ScanDocument/accountName``); nil when each document owns its
    /// account, as a snapshot does.
    public var accountDocument: String?
    /// The documents collected live rather than read from a file (``DocumentOrigin/live``).
    public var liveDocuments: Set<String>
    /// In a stable order: document, resource id, rule id.
    public var evaluations: [Evaluation]
    public var skippedFiles: [SkippedFile]
    /// Suppressions that matched a finding but had expired; reported so that an owner renews or
    /// fixes them.
    public var expiredSuppressions: [Suppression]
    /// Baseline findings no longer present.
    public var fixedFindings: [FindingFingerprint]
    /// The clock the run used (`--now`), for suppression expiry and Guard's `now()`.
    public var evaluatedAt: Date
    private var ruleIndex: [String: Int]

    public init(
        rules: [ScannedRule], documents: [String], accountDocument: String? = nil, liveDocuments: Set<String> = [], evaluations: [Evaluation],
        skippedFiles: [SkippedFile] = [], expiredSuppressions: [Suppression] = [], fixedFindings: [FindingFingerprint] = [], evaluatedAt: Date
    ) {
        self.rules = rules
        self.documents = documents
        self.accountDocument = accountDocument
        self.liveDocuments = liveDocuments
        self.evaluations = evaluations
        self.skippedFiles = skippedFiles
        self.expiredSuppressions = expiredSuppressions
        self.fixedFindings = fixedFindings
        self.evaluatedAt = evaluatedAt
        ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What a document named by the result or one of its resources is; a file unless the scan
    /// said otherwise.
    public func origin(ofDocument document: String) -> DocumentOrigin {
        if document == accountDocument { return .templatesTogether }
        return liveDocuments.contains(document) ? .live : .file
    }

    /// The descriptor of an evaluation's rule; every evaluation's rule is in `rules`.
    public func rule(_ id: String) -> ScannedRule? {
        ruleIndex[id].map { rules[$0] }
    }
}
