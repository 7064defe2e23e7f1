import TenetDocument

/// A value a query reached: a node of the document, the document's root with rule parameters laid
/// over it, or a value from the rules themselves (a literal, a function result).
///
/// Nodes stay handles into the loaded document: nothing is copied while rules run, and a failing
/// value can still say its path and file location.
public enum QueryValue: Sendable {
    case node(Node)
    case root(DataRoot)
    case literal(GuardValue)

    /// The kinds the comparison rules distinguish.
    enum Kind: Equatable {
        case null, bool, int, float, string, char, regex, range, list, map
    }

    var kind: Kind {
        switch self {
        case .node(let node):
            switch node.kind {
            case .null: return .null
            case .bool: return .bool
            case .int: return .int
            case .float: return .float
            case .string: return .string
            case .list: return .list
            case .map: return .map
            }
        case .root(let root):
            return root.base.kind == .map || root.base.kind == .null ? .map : QueryValue.node(root.base).kind
        case .literal(let value):
            switch value {
            case .null: return .null
            case .bool: return .bool
            case .int: return .int
            case .float: return .float
            case .string: return .string
            case .char: return .char
            case .regex: return .regex
            case .range: return .range
            case .list: return .list
            case .map: return .map
            }
        }
    }

    var stringValue: String? {
        switch self {
        case .node(let node): return node.stringValue
        case .literal(.string(let text)): return text
        default: return nil
        }
    }

    var intValue: Int64? {
        switch self {
        case .node(let node): return node.intValue
        case .literal(.int(let number)): return number
        default: return nil
        }
    }

    var floatValue: Double? {
        switch self {
        case .node(let node): return node.floatValue
        case .literal(.float(let number)): return number
        default: return nil
        }
    }

    var boolValue: Bool? {
        switch self {
        case .node(let node): return node.boolValue
        case .literal(.bool(let flag)): return flag
        default: return nil
        }
    }

    var isNull: Bool { kind == .null }

    /// The number of elements or entries of a container; 0 for a scalar.
    var count: Int {
        switch self {
        case .node(let node): return node.count
        case .root(let root): return root.entries.count
        case .literal(.list(let elements)): return elements.count
        case .literal(.map(let entries)): return entries.count
        default: return 0
        }
    }

    /// List elements, in order.
    var elements: [QueryValue] {
        switch self {
        case .node(let node) where node.kind == .list: return node.children.map { .node($0) }
        case .literal(.list(let elements)): return elements.map { .literal($0) }
        default: return []
        }
    }

    /// The values of a map, in order, without their keys.
    var memberValues: [QueryValue] {
        switch self {
        case .node(let node) where node.kind == .map: return node.children.map { .node($0) }
        default: return entries.map(\.value)
        }
    }

    /// Map entries, in order.
    var entries: [(key: String, value: QueryValue)] {
        switch self {
        case .node(let node) where node.kind == .map: return node.entries.map { ($0.key, .node($0.value)) }
        case .root(let root): return root.entries
        case .literal(.map(let entries)): return entries.map { ($0.key, .literal($0.value)) }
        default: return []
        }
    }

    /// The value under `key` in a map.
    func member(_ key: String) -> QueryValue? {
        switch self {
        case .node(let node): return node[key].map { .node($0) }
        case .root(let root): return root.member(key)
        case .literal(.map(let entries)): return entries.last(where: { $0.key == key }).map { .literal($0.value) }
        default: return nil
        }
    }

    func element(_ index: Int) -> QueryValue? {
        switch self {
        case .node(let node): return node[index].map { .node($0) }
        case .literal(.list(let elements)): return elements.indices.contains(index) ? .literal(elements[index]) : nil
        default: return nil
        }
    }

    /// The JSON pointer from the evaluation root, where the value is in a document.
    func path(relativeTo root: Node?) -> JSONPointer? {
        switch self {
        case .node(let node):
            // Relative to the document's own root (the usual case), the node's path is the answer.
            guard let root, root.document === node.document, root.parent != nil else { return node.path }
            let full = node.path.components
            let prefix = root.path.components
            return full.starts(with: prefix) ? JSONPointer(Array(full.dropFirst(prefix.count))) : JSONPointer(full)
        case .root: return .root
        case .literal: return nil
        }
    }

    /// Whether the value is part of the document `root` belongs to (not a rule parameter, not a
    /// literal).
    func lies(in root: Node?) -> Bool {
        switch self {
        case .node(let node): return root.map { $0.document === node.document } ?? false
        case .root: return true
        case .literal: return false
        }
    }

    var fileLocation: FileLocation? {
        switch self {
        case .node(let node): return node.location.line > 0 ? node.fileLocation : nil
        case .root(let root): return root.base.fileLocation
        case .literal: return nil
        }
    }

    /// A copy as a document value, for reports.
    public var documentValue: Value {
        switch self {
        case .node(let node): return node.value
        case .root(let root): return .map(root.entries.map { Value.Entry($0.key, $0.value.documentValue) })
        case .literal(let value): return value.documentValue
        }
    }
}

/// The root a rule sees: the document, with parameter maps laid over it as extra top-level keys
/// (`RuleParameters`, or the maps of `validate -i`), without copying the document.
///
/// A class: held inline, its node and list would make every `QueryValue` twice the size of a
/// node, and every result, outcome and failure of a large run carries query values.
public final class DataRoot: Sendable {
    public let base: Node
    /// Top-level entries added to the document. The document's own key wins on a clash, so a test
    /// case's `RuleParameters` overrides the defaults.
    public let overlay: [(key: String, value: Node)]

    public init(base: Node, overlay: [(key: String, value: Node)] = []) {
        self.base = base
        self.overlay = overlay
    }

    /// A plain document root, or an overlay when there is something to lay over it.
    var value: QueryValue { overlay.isEmpty ? .node(base) : .root(self) }

    func member(_ key: String) -> QueryValue? {
        if let own = base[key] { return .node(own) }
        return overlay.last(where: { $0.key == key }).map { .node($0.value) }
    }

    var entries: [(key: String, value: QueryValue)] {
        var result = base.entries.map { (key: $0.key, value: QueryValue.node($0.value)) }
        for (key, value) in overlay where base[key] == nil { result.append((key, .node(value))) }
        return result
    }
}
