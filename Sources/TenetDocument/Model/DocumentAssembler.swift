/// Builds a new document out of pieces of loaded ones and values made in code, keeping every
/// copied node's location.
///
/// A collector that resolves a template's intrinsic functions produces a new tree, but a finding
/// in that tree must still point at the line a person edits: copied nodes keep their marks, and a
/// value computed from an intrinsic takes the location of the intrinsic it replaces.
public struct DocumentAssembler: Sendable {
    private var builder: DocumentBuilder

    /// `expectedNodes` reserves the arena up front: a document assembled from a large one (a
    /// collected template is as large as its source) would otherwise grow by doubling, copying
    /// its arrays each time and keeping up to twice the memory it needs.
    public init(sourceName: String, limits: LoadLimits = .default, expectedNodes: Int = 0) {
        builder = DocumentBuilder(sourceName: sourceName, limits: limits, expectedNodes: expectedNodes)
    }

    public mutating func beginMap(at location: SourceLocation?) throws(Diagnostic) {
        try builder.beginContainer(.map, start: Mark(location))
    }

    public mutating func beginList(at location: SourceLocation?) throws(Diagnostic) {
        try builder.beginContainer(.list, start: Mark(location))
    }

    /// Closes the innermost open map or list.
    public mutating func end() throws(Diagnostic) {
        try builder.endContainer(end: .none)
    }

    /// Names the next value of the innermost map; a key already present is refused.
    public mutating func key(_ key: String, at location: SourceLocation?) throws(Diagnostic) {
        try builder.appendKey(key, start: Mark(location), isMerge: false)
    }

    /// Appends a value made in code; all its nodes take `location`.
    public mutating func append(_ value: Value, at location: SourceLocation?) throws(Diagnostic) {
        let mark = Mark(location)
        var steps: [AssemblyStep] = [.value(value)]
        while let step = steps.popLast() {
            switch step {
            case .end:
                try builder.endContainer(end: mark)
            case .key(let key):
                try builder.appendKey(key, start: mark, isMerge: false)
            case .value(let value):
                switch value {
                case .list(let elements):
                    try builder.beginContainer(.list, start: mark)
                    steps.append(.end)
                    steps.append(contentsOf: elements.reversed().map(AssemblyStep.value))
                case .map(let entries):
                    try builder.beginContainer(.map, start: mark)
                    steps.append(.end)
                    for entry in entries.reversed() {
                        steps.append(.value(entry.value))
                        steps.append(.key(entry.key))
                    }
                default:
                    try appendScalar(value, start: mark, end: mark)
                }
            }
        }
    }

    /// Appends a copy of a subtree of another document, with its locations unless they would
    /// mislead (a line of an inventory file is not where a person edits the resource).
    public mutating func append(copyOf node: Node, keepingLocations: Bool = true) throws(Diagnostic) {
        try builder.appendCopy(of: node, keepingLocations: keepingLocations)
    }

    /// Appends the entries of the map `fragment` holds — assembled apart, on another thread, say —
    /// to the innermost open map, as if they had been appended here one by one.
    public mutating func append(entriesOf fragment: DocumentAssembler) throws(Diagnostic) {
        try builder.appendEntries(of: fragment.builder)
    }

    /// Appends nodes of one document to the innermost open map, each under the key given, as
    /// `key(_:at:)` and `append(copyOf:keepingLocations:)` would one by one, but in one pass
    /// over that document: for taking most of a large document.
    public mutating func append(entries: [(key: String, value: Node)], keepingLocations: Bool) throws(Diagnostic) {
        try builder.appendEntries(entries, keepingLocations: keepingLocations)
    }

    public func build() -> Document {
        builder.build()
    }

    private mutating func appendScalar(_ value: Value, start: Mark, end: Mark) throws(Diagnostic) {
        switch value {
        case .null: try builder.appendScalar(kind: .null, payload: 0, start: start, end: end)
        case .bool(let flag): try builder.appendScalar(kind: .bool, payload: flag ? 1 : 0, start: start, end: end)
        case .int(let number): try builder.appendScalar(kind: .int, payload: number, start: start, end: end)
        case .float(let number): try builder.appendScalar(kind: .float, payload: Int64(bitPattern: number.bitPattern), start: start, end: end)
        case .string(let text): try builder.appendString(text, start: start, end: end)
        case .list, .map: preconditionFailure("containers are appended step by step")
        }
    }

    private enum AssemblyStep {
        case value(Value)
        case key(String)
        case end
    }
}

extension Mark {
    init(_ location: SourceLocation?) {
        self = location.map { Mark(line: UInt32(clamping: $0.line), column: UInt32(clamping: $0.column)) } ?? .none
    }
}
