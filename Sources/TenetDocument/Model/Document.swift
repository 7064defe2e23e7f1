/// A loaded YAML or JSON document, stored as an arena of node records.
///
/// Templates and inventories reach millions of nodes, and the rule interpreter walks them for every
/// rule. A tree of class instances would cost an allocation and reference counting per node; here a
/// node is an index into flat arrays, so loading appends to a few buffers, a `Node` handle is two
/// words, and the path and location of any node are found by following parent indices.
public final class Document: Sendable {
    /// The file name as the user gave it; every location in the document refers to it.
    public let sourceName: String

    let records: [NodeRecord]
    /// Children of containers, stored contiguously per container (`NodeRecord.payload` is the start).
    let childTable: [Int32]
    /// The key slot (`NodeRecord.slot`) of each child in `childTable`, at the same position. A key
    /// lookup compares a map's keys without reading each child's record: rules sweep every
    /// resource of a large template, one rule after another, and those records are never in
    /// cache, while a map's run of slots here is one or two cache lines.
    let childKeySlots: [Int32]
    /// The slot of each spelling of a map key: the builder gives every key of one spelling one
    /// slot, arenas absorbed whole included.
    let keySlotsBySpelling: [String: Int32]
    /// The string pool: string values and map keys.
    let strings: [String]
    /// Hash indexes for maps too large for a linear key search (CloudFormation's `Resources`).
    let keyIndexes: [Int32: [String: Int32]]
    let rootID: Int32

    /// Diagnostics the loader noted without refusing the document (unknown intrinsic tags, say).
    public let warnings: [Diagnostic]

    init(
        sourceName: String, records: [NodeRecord], childTable: [Int32], strings: [String],
        keySlotsBySpelling: [String: Int32], keyIndexes: [Int32: [String: Int32]], rootID: Int32, warnings: [Diagnostic]
    ) {
        self.sourceName = sourceName
        self.records = records
        self.childTable = childTable
        childKeySlots = childTable.map { records[Int($0)].slot }
        self.keySlotsBySpelling = keySlotsBySpelling
        self.strings = strings
        self.keyIndexes = keyIndexes
        self.rootID = rootID
        self.warnings = warnings
    }

    convenience init(building builder: DocumentBuilder) {
        precondition(builder.isComplete, "a document is built once its root value is complete")
        let (records, childTable, strings, keySlots, keyIndexes, rootID) = builder.parts()
        self.init(
            sourceName: builder.sourceName, records: records, childTable: childTable, strings: strings,
            keySlotsBySpelling: keySlots, keyIndexes: keyIndexes, rootID: rootID, warnings: builder.warnings)
    }

    public var root: Node { Node(document: self, id: rootID) }

    /// The number of nodes stored, including keys' values reached through aliases.
    public var nodeCount: Int { records.count }

    /// How this document spells `key` as a map key; nil when no map of the document has it, which
    /// answers a lookup of that key anywhere without reading a node.
    public func keyID(_ key: String) -> KeyID? {
        keySlotsBySpelling[key].map(KeyID.init)
    }

    /// Maps with more entries than this get a hash index; below it a linear scan is faster.
    static let indexedMapThreshold = 12
}

/// A map key as one document stores it. Found once per document and key (`Document.keyID`), it
/// finds a map's entry by comparing integers: the rule interpreter looks up the same few keys in
/// every resource, for every rule.
public struct KeyID: Hashable, Sendable {
    let slot: Int32
}

/// A packed position: 1-based line and column.
struct Mark: Sendable, Equatable {
    var line: UInt32
    var column: UInt32

    static let none = Mark(line: 0, column: 0)

    var location: SourceLocation { SourceLocation(line: Int(line), column: Int(column)) }
}

/// One node of the arena. `payload` holds the scalar (bool, int, float bits, or string pool index)
/// or, for containers, the start of its children in the child table.
struct NodeRecord: Sendable {
    var kind: NodeKind
    /// Index of the parent node, or -1 for the root.
    var parent: Int32
    /// For a map entry the key's string pool index, for a list element its index.
    var slot: Int32
    /// Number of children of a container.
    var count: Int32
    var payload: Int64
    var start: Mark
    var end: Mark
    /// Where the key of a map entry stands; `.none` for list elements and the root.
    var keyStart: Mark
}
