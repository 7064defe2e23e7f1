/// Why the history store refused or failed: one message a user can act on, never a crash.
public struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The store could not be opened or read (missing directory, corrupt file, server gone).
        case storeUnavailable
        /// The store was written by a newer Tenet whose schema this one does not know.
        case newerSchema
        /// The snapshot is older than (or as old as) the latest recorded for its source.
        case outOfOrder
        /// The command named something the store does not hold, or named it ambiguously.
        case notFound
        case ambiguous(candidates: [String])
        /// A key file or a digest given on the command line could not be used.
        case invalidInput
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
