import Foundation

/// How far a scan has got, told to an observer as the engine's parallel workers finish
/// evaluations, so a long run can show a progress bar.
///
/// The engine counts (rule, document) evaluations; a document is done when its last evaluation
/// is. Observers are called one at a time, in order, from whichever worker finished, so they
/// need no locking of their own but must be quick.
public final class ScanProgress: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var documentsDone: Int
        public var documents: Int
        public var evaluationsDone: Int
        public var evaluations: Int

        public init(documentsDone: Int, documents: Int, evaluationsDone: Int, evaluations: Int) {
            self.documentsDone = documentsDone
            self.documents = documents
            self.evaluationsDone = evaluationsDone
            self.evaluations = evaluations
        }

        /// Between 0 and 1; evaluations rather than documents, so one large template still moves.
        public var fraction: Double {
            evaluations == 0 ? 1 : Double(evaluationsDone) / Double(evaluations)
        }
    }

    private let observer: @Sendable (Snapshot) -> Void
    private let lock = NSLock()
    private var remainingByDocument: [Int] = []
    private var snapshot = Snapshot(documentsDone: 0, documents: 0, evaluationsDone: 0, evaluations: 0)

    public init(observer: @escaping @Sendable (Snapshot) -> Void) {
        self.observer = observer
    }

    /// The work ahead: how many evaluations each document needs. Only the first `counted`
    /// documents are the user's; the rest (the account document `check` assembles) add
    /// evaluations but are not counted as documents. A document that needs none is done already.
    func begin(evaluationsPerDocument: [Int], counted: Int) {
        lock.lock()
        defer { lock.unlock() }
        remainingByDocument = evaluationsPerDocument
        snapshot = Snapshot(
            documentsDone: evaluationsPerDocument.prefix(counted).count { $0 == 0 }, documents: counted,
            evaluationsDone: 0, evaluations: evaluationsPerDocument.reduce(0, +))
        observer(snapshot)
    }

    func evaluationFinished(inDocument document: Int) {
        lock.lock()
        defer { lock.unlock() }
        remainingByDocument[document] -= 1
        if remainingByDocument[document] == 0 && document < snapshot.documents { snapshot.documentsDone += 1 }
        snapshot.evaluationsDone += 1
        observer(snapshot)
    }
}
