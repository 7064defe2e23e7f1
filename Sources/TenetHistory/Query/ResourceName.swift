import TenetInventory

/// Resolves what a user typed to one resource id: the id itself, or an unambiguous suffix that
/// starts after a `#`, `/` or `:` (a template's logical id, a bucket name, an instance id).
enum ResourceName {
    static func resolve(_ name: String, among ids: [ResourceID]) throws -> ResourceID {
        if ids.contains(ResourceID(name)) { return ResourceID(name) }
        let matches = ids.filter { id in
            let text = id.rawValue
            guard text.count > name.count, text.hasSuffix(name) else { return false }
            let before = text[text.index(text.endIndex, offsetBy: -name.count - 1)]
            return before == "#" || before == "/" || before == ":"
        }
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            throw HistoryError(.notFound, "no resource named '\(name)' in the history store")
        default:
            let candidates = matches.map(\.rawValue)
            throw HistoryError(.ambiguous(candidates: candidates),
                               "'\(name)' names \(matches.count) resources; use one of:\n" + candidates.map { "  " + $0 }.joined(separator: "\n"))
        }
    }
}
