import TenetDocument

/// An AWS Config conformance pack read against the managed library: the Tenet pack that runs the
/// same checks, and what could not be carried over.
public struct ConformancePackImport: Sendable {
    /// An AWS Config rule of the template that Tenet implements.
    public struct Implemented: Sendable {
        public var logicalID: String
        public var identifier: String
        public var rules: [String]
    }

    /// An AWS Config rule of the template that Tenet does not implement.
    public struct Missing: Sendable {
        public var logicalID: String
        /// The managed-rule identifier, or for a custom rule its owner (`CUSTOM_LAMBDA`, …).
        public var identifier: String
        public var isCustom: Bool
    }

    public var implemented: [Implemented]
    public var missing: [Missing]
    /// The managed rules of the pack, in template order, each with the parameter values taken
    /// from the template.
    public var rules: [(id: String, parameters: [Value.Entry])]
    /// Input parameters not carried over, and why.
    public var notes: [String]
}
