/// A handle to one node of a `Document`.
///
/// Cheap to copy and hash; it keeps its document alive, so values handed to reports and rule
/// results can always say where they came from.
public struct Node: Sendable {
    public let document: Document
    public let id: Int32

    @inlinable
    public init(document: Document, id: Int32) {
        self.document = document
        self.id = id
    }

    var record: NodeRecord { document.records[Int(id)] }

    public var kind: NodeKind { record.kind }

    public var isNull: Bool { kind == .null }

    public var boolValue: Bool? {
        let record = record
        return record.kind == .bool ? record.payload != 0 : nil
    }

    public var intValue: Int64? {
        let record = record
        return record.kind == .int ? record.payload : nil
    }

    public var floatValue: Double? {
        let record = record
        return record.kind == .float ? Double(bitPattern: UInt64(bitPattern: record.payload)) : nil
    }

    public var stringValue: String? {
        let record = record
        return record.kind == .string ? document.strings[Int(record.payload)] : nil
    }

    /// The number of entries of a map or elements of a list; 0 for scalars.
    public var count: Int { Int(record.count) }

    /// The children of a container in document order; empty for scalars.
    public var children: NodeChildren { NodeChildren(document: document, record: record) }

    /// Map entries in document order.
    public var entries: [(key: String, value: Node)] {
        guard kind == .map else { return [] }
        return children.map { ($0.keyInParent!, $0) }
    }

    /// The value stored under `key` in a map.
    public subscript(key: String) -> Node? {
        entry(key) { document.strings[Int($0)] == key }
    }

    /// The value stored under the key `key` identifies, which must be of this node's document.
    public subscript(key: KeyID) -> Node? {
        entry(document.strings[Int(key.slot)]) { $0 == key.slot }
    }

    /// The value of the map entry whose key slot `matches`; in a map with a hash index, the value
    /// under `key`, the spelling those slots hold.
    private func entry(_ key: @autoclosure () -> String, slot matches: (Int32) -> Bool) -> Node? {
        let record = record
        guard record.kind == .map else { return nil }
        if record.count > Document.indexedMapThreshold, let index = document.keyIndexes[id] {
            return index[key()].map { Node(document: document, id: $0) }
        }
        let start = Int(record.payload)
        for position in start..<start + Int(record.count) where matches(document.childKeySlots[position]) {
            return Node(document: document, id: document.childTable[position])
        }
        return nil
    }

    /// The element at `index` of a list.
    public subscript(index: Int) -> Node? {
        let record = record
        guard record.kind == .list, index >= 0, index < Int(record.count) else { return nil }
        return Node(document: document, id: document.childTable[Int(record.payload) + index])
    }

    public var parent: Node? {
        let parent = record.parent
        return parent < 0 ? nil : Node(document: document, id: parent)
    }

    /// How many containers hold this node: 0 for the root.
    var ancestorCount: Int {
        var count = 0
        var parent = record.parent
        while parent >= 0 {
            count += 1
            parent = document.records[Int(parent)].parent
        }
        return count
    }

    /// The key under which this node stands in its parent map.
    public var keyInParent: String? {
        let record = record
        guard record.parent >= 0, document.records[Int(record.parent)].kind == .map else { return nil }
        return document.strings[Int(record.slot)]
    }

    /// The position of this node in its parent list.
    public var indexInParent: Int? {
        let record = record
        guard record.parent >= 0, document.records[Int(record.parent)].kind == .list else { return nil }
        return Int(record.slot)
    }

    /// The path from the root, found by walking parent links: nothing is stored per node for it.
    public var path: JSONPointer {
        var components: [PathComponent] = []
        _ = walkUp(to: -1, collecting: &components)
        components.reverse()
        return JSONPointer(components)
    }

    /// The child of `ancestor` this node lies under (or is), with the path from that child down
    /// to this node; nil when `ancestor` is not above this node. Verdict assignment finds each
    /// failing value's resource this way, without building and then dropping the path from the
    /// root, for every one of a large run's failures.
    public func path(below ancestor: Node) -> (child: Node, path: JSONPointer)? {
        guard ancestor.document === document, ancestor.id != id else { return nil }
        var components: [PathComponent] = []
        guard let child = walkUp(to: ancestor.id, collecting: &components) else { return nil }
        components.removeLast()
        components.reverse()
        return (Node(document: document, id: child), JSONPointer(components))
    }

    /// Appends the path components from this node up to `stop` (exclusive; -1 stands above the
    /// root), innermost first, and returns the node just below `stop`; nil when `stop` is not
    /// above this node.
    private func walkUp(to stop: Int32, collecting components: inout [PathComponent]) -> Int32? {
        var id = self.id
        var current = record
        while current.parent >= 0 {
            let parent = document.records[Int(current.parent)]
            if parent.kind == .map {
                components.append(.key(document.strings[Int(current.slot)]))
            } else {
                components.append(.index(Int(current.slot)))
            }
            if current.parent == stop { return id }
            id = current.parent
            current = parent
        }
        return stop < 0 ? id : nil
    }

    /// Where the node's value starts. A node reached through a YAML alias reports the anchored
    /// node's location, which is where a person would go to change it.
    public var location: SourceLocation { record.start.location }

    /// Where the node's value ends (exclusive), for report regions.
    public var endLocation: SourceLocation { record.end.location }

    /// Where the key of this map entry stands, if it is one.
    public var keyLocation: SourceLocation? {
        let mark = record.keyStart
        return mark == .none ? nil : mark.location
    }

    public var fileLocation: FileLocation { FileLocation(file: document.sourceName, position: location) }

    /// Follows a pointer; a segment matches a map key, or a list index when it is a number.
    public func at(_ pointer: JSONPointer) -> Node? {
        var node = self
        for component in pointer.components {
            switch (component, node.kind) {
            case (.index(let index), .list):
                guard let next = node[index] else { return nil }
                node = next
            case (.key(let key), .list):
                guard let index = Int(key), let next = node[index] else { return nil }
                node = next
            case (.key(let key), .map):
                guard let next = node[key] else { return nil }
                node = next
            case (.index(let index), .map):
                guard let next = node[String(index)] else { return nil }
                node = next
            default:
                return nil
            }
        }
        return node
    }
}

extension Node: Hashable {
    public static func == (lhs: Node, rhs: Node) -> Bool {
        lhs.id == rhs.id && lhs.document === rhs.document
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(document))
        hasher.combine(id)
    }
}

/// The children of a container node, as a random-access collection that allocates nothing.
public struct NodeChildren: RandomAccessCollection, Sendable {
    let document: Document
    let start: Int
    public let count: Int

    init(document: Document, record: NodeRecord) {
        self.document = document
        if record.kind == .map || record.kind == .list {
            start = Int(record.payload)
            count = Int(record.count)
        } else {
            start = 0
            count = 0
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Node {
        Node(document: document, id: document.childTable[start + position])
    }
}
