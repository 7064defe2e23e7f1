import TenetInventory

/// One rule's verdicts on one document, each with the resource of the document it is on, so that
/// the engine can put a large run's verdicts in order without looking their resources up again.
struct Verdicts: Sendable {
    /// Which of a document's resources a verdict is on.
    enum Subject: Sendable {
        /// The resource at this position in `ScanDocument.entries`.
        case entry(Int)
        case account
        /// The pseudo-resource standing for a type the collector could not read.
        case insufficientData(ResourceType)
    }

    private(set) var evaluations: [Evaluation] = []
    /// One per evaluation, in the same order.
    private(set) var subjects: [Subject] = []

    /// Takes the evaluation, so that it is moved into place rather than copied and destroyed.
    mutating func append(_ evaluation: consuming Evaluation, on subject: Subject) {
        evaluations.append(evaluation)
        subjects.append(subject)
    }

    /// Moves the last evaluation out, so that putting a run in order copies none.
    mutating func takeLast() -> Evaluation? {
        evaluations.popLast()
    }
}
