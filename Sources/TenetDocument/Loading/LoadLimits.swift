/// Bounds on what a loader accepts, so that hostile input is refused by counting, never by a timer
/// and never by running out of memory.
public struct LoadLimits: Sendable, Equatable {
    /// The largest single document, in bytes, checked before anything is read.
    public var maxDocumentBytes: Int
    /// The deepest nesting of maps and lists.
    public var maxDepth: Int
    /// How many nodes YAML aliases may copy in one document (an alias bomb needs billions).
    public var maxAliasNodes: Int

    public init(maxDocumentBytes: Int, maxDepth: Int, maxAliasNodes: Int) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }

    /// 256 MiB, 512 levels (real templates stay under 30), and a million aliased nodes.
    public static let `default` = LoadLimits(maxDocumentBytes: 256 << 20, maxDepth: 512, maxAliasNodes: 1_000_000)

    /// For documents built in code, whose size the program already controls.
    static let unlimited = LoadLimits(maxDocumentBytes: .max, maxDepth: .max, maxAliasNodes: .max)
}
