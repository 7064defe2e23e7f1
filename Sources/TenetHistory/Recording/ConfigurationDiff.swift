import TenetDocument

/// The field-level difference between two configurations: one entry per leaf or subtree that was
/// added, removed or changed, at its JSON pointer.
///
/// Lists of equal length are compared element by element; a list whose length changed is reported
/// whole, because an index-by-index diff of a shifted list names every element as changed.
enum ConfigurationDiff {
    struct Entry: Equatable {
        var path: JSONPointer
        var old: Value?
        var new: Value?
    }

    static func between(_ old: Value, _ new: Value) -> [Entry] {
        var entries: [Entry] = []
        compare(old, new, at: .root, into: &entries)
        return entries
    }

    private static func compare(_ old: Value, _ new: Value, at path: JSONPointer, into entries: inout [Entry]) {
        switch (old, new) {
        case (.map(let oldEntries), .map(let newEntries)):
            let newByKey = Dictionary(newEntries.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
            let oldByKey = Dictionary(oldEntries.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
            let keys = Set(oldByKey.keys).union(newByKey.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for key in keys {
                switch (oldByKey[key], newByKey[key]) {
                case (let before?, let after?): compare(before, after, at: path.appending(key: key), into: &entries)
                case (let before, let after): entries.append(Entry(path: path.appending(key: key), old: before, new: after))
                }
            }
        case (.list(let oldElements), .list(let newElements)) where oldElements.count == newElements.count:
            for (index, pair) in zip(oldElements, newElements).enumerated() {
                compare(pair.0, pair.1, at: path.appending(index: index), into: &entries)
            }
        default:
            if old != new { entries.append(Entry(path: path, old: old, new: new)) }
        }
    }
}
