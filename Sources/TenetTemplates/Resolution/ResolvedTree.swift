import TenetDocument
import TenetInventory

/// A template subtree after intrinsic resolution, before it is written into a document.
///
/// Subtrees in which nothing was resolved stay references to the loaded nodes (`original`), so
/// resolving a large template copies only what changed until the final assembly. Only the case
/// that nests a tree is indirect: the resolver makes a tree for every node it visits, and a boxed
/// `original` would cost an allocation each.
enum ResolvedTree: Sendable {
    struct Entry: Sendable {
        var key: String
        var keyLocation: SourceLocation?
        var value: ResolvedTree
    }

    /// A loaded subtree holding no intrinsic the resolver acted on.
    case original(Node)
    /// A value the template decides, standing where the intrinsic that produced it stood.
    case computed(Value, at: SourceLocation)
    case map([Entry], at: SourceLocation)
    case list([ResolvedTree], at: SourceLocation)
    /// An intrinsic kept as written because its value depends on something the template does not
    /// decide.
    indirect case unresolved(ResolvedTree, dependsOn: String)
    /// `Ref: AWS::NoValue`: the property or list element disappears.
    case removed

    /// The value, when nothing in the subtree is unresolved.
    var knownValue: Value? {
        switch self {
        case .original(let node): node.value
        case .computed(let value, _): value
        case .map(let entries, _):
            Self.collect(entries.filter { !$0.value.isRemoved }.map { ($0.key, $0.value.knownValue) }).map { .map($0.map { Value.Entry($0.0, $0.1) }) }
        case .list(let elements, _):
            Self.collect(elements.filter { !$0.isRemoved }.map { ((), $0.knownValue) }).map { .list($0.map(\.1)) }
        case .unresolved, .removed: nil
        }
    }

    /// The value as CloudFormation's string functions see it.
    var knownString: String? {
        knownValue?.cloudFormationString
    }

    /// Whether the tree is `node` itself, unchanged: an intrinsic that picked another loaded
    /// node (an `Fn::If` branch) is a change.
    func isOriginal(_ node: Node) -> Bool {
        if case .original(let same) = self { return same == node }
        return false
    }

    /// Whether an unresolved value may stand in the tree: paths are made only down to those.
    private var mayHoldUnresolved: Bool {
        switch self {
        case .unresolved, .map, .list: true
        case .original, .computed, .removed: false
        }
    }

    var isRemoved: Bool {
        if case .removed = self { return true }
        return false
    }

    /// What the first unresolved value inside depends on.
    var dependency: String? {
        switch self {
        case .unresolved(_, let dependsOn): dependsOn
        case .map(let entries, _): entries.lazy.compactMap(\.value.dependency).first
        case .list(let elements, _): elements.lazy.compactMap(\.dependency).first
        case .original, .computed, .removed: nil
        }
    }

    private static func collect<Key>(_ pairs: [(Key, Value?)]) -> [(Key, Value)]? {
        var known: [(Key, Value)] = []
        known.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            guard let value else { return nil }
            known.append((key, value))
        }
        return known
    }
}

extension ResolvedTree {
    /// Writes the tree into a document under construction.
    func emit(into assembler: inout DocumentAssembler) throws(Diagnostic) {
        switch self {
        case .original(let node):
            try assembler.append(copyOf: node)
        case .computed(let value, let location):
            try assembler.append(value, at: location)
        case .map(let entries, let location):
            try assembler.beginMap(at: location)
            for entry in entries where !entry.value.isRemoved {
                try assembler.key(entry.key, at: entry.keyLocation)
                try entry.value.emit(into: &assembler)
            }
            try assembler.end()
        case .list(let elements, let location):
            try assembler.beginList(at: location)
            for element in elements where !element.isRemoved {
                try element.emit(into: &assembler)
            }
            try assembler.end()
        case .unresolved(let tree, _):
            try tree.emit(into: &assembler)
        case .removed:
            break
        }
    }

    /// The top-most unresolved values, with their paths from the tree's root.
    ///
    /// The path is grown and shrunk in place as the walk descends and returns: a pointer is made
    /// only for a value found, not for every map and list on the way.
    func unresolvedValues() -> [UnresolvedValue] {
        var found: [UnresolvedValue] = []
        var path: [PathComponent] = []
        collectUnresolved(into: &found, path: &path)
        return found
    }

    private func collectUnresolved(into found: inout [UnresolvedValue], path: inout [PathComponent]) {
        switch self {
        case .unresolved(_, let dependsOn):
            found.append(UnresolvedValue(path: JSONPointer(path), dependsOn: dependsOn))
        case .map(let entries, _):
            for entry in entries where entry.value.mayHoldUnresolved {
                path.append(.key(entry.key))
                entry.value.collectUnresolved(into: &found, path: &path)
                path.removeLast()
            }
        case .list(let elements, _):
            var index = 0
            for element in elements where !element.isRemoved {
                if element.mayHoldUnresolved {
                    path.append(.index(index))
                    element.collectUnresolved(into: &found, path: &path)
                    path.removeLast()
                }
                index += 1
            }
        case .original, .computed, .removed:
            break
        }
    }
}
