/// One of the store's name tables (`names`: rule ids, resource types, rule version hashes, lists
/// of failing checks; `resources`: resource ids), read and extended through a cache.
///
/// A million history rows repeat a few thousand texts; rows hold a name's integer id instead, which
/// keeps the file small and the indexes narrow. Digests are computed over the texts, so editing a
/// name breaks every block that uses it. Ids are never reused: names are only ever added, so a
/// cached id stays valid, except for ones added by a transaction that rolled back — `forget`.
final class SQLiteNames {
    private let connection: SQLiteConnection
    private let table: String
    /// `resources` also keeps each key reversed, so a suffix of it is a prefix of an index.
    private let indexesSuffixes: Bool
    private var ids: [String: Int64] = [:]
    /// Texts by id: ids are rowids counted from 1, so an array serves them, with a dictionary for
    /// any id too large for one (a hand-edited store).
    private var denseTexts: [String?] = []
    private var sparseTexts: [Int64: String] = [:]
    private static let denseLimit: Int64 = 1 << 22
    /// The last few names looked up: rows repeat a handful of texts (a type, an empty check
    /// list) that compare faster than they hash.
    private var recent: [(text: String, id: Int64)] = []
    private var nextRecent = 0
    private static let recentCount = 4

    init(connection: SQLiteConnection, table: String, indexesSuffixes: Bool) {
        self.connection = connection
        self.table = table
        self.indexesSuffixes = indexesSuffixes
    }

    /// The id of `text`, added when the table lacks it.
    func id(_ text: String) throws -> Int64 {
        if let id = try existingID(text) { return id }
        let insert = try connection.statement(
            indexesSuffixes ? "INSERT INTO \(table) (key, reversed_key) VALUES (?, ?)" : "INSERT INTO \(table) (key) VALUES (?)")
        try insert.bind(text, at: 1)
        if indexesSuffixes { try insert.bind(Self.reversed(text), at: 2) }
        try insert.execute()
        return remember(text, connection.lastInsertedRowID)
    }

    /// The id of `text`; nil when the table lacks it.
    func existingID(_ text: String) throws -> Int64? {
        for entry in recent where entry.text == text { return entry.id }
        if let id = ids[text] { return remember(text, id) }
        let select = try connection.statement("SELECT id FROM \(table) WHERE key = ?")
        try select.bind(text, at: 1)
        defer { select.reset() }
        guard try select.step() else { return nil }
        return remember(text, select.integer(0))
    }

    /// The text of `id`; empty when no such name exists (a hand-edited store, which `verify` then
    /// reports through the digests).
    func text(_ id: Int64) throws -> String {
        if let text = cachedText(id) { return text }
        let selectText = try connection.statement("SELECT key FROM \(table) WHERE id = ?")
        try selectText.bind(id, at: 1)
        defer { selectText.reset() }
        guard try selectText.step() else { return "" }
        let text = selectText.requiredText(0)
        cache(text, id)
        return text
    }

    /// Drops cached ids, after a rollback undid the names a transaction added.
    func forget() {
        ids.removeAll()
        denseTexts.removeAll()
        sparseTexts.removeAll()
        recent.removeAll()
    }

    /// The key reversed by Unicode scalars: ids ending in a name are those whose reversed key
    /// starts with the reversed name.
    static func reversed(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.reversed())
        return String(scalars)
    }

    private func remember(_ text: String, _ id: Int64) -> Int64 {
        if ids[text] == nil { cache(text, id) }
        if recent.count < Self.recentCount {
            recent.append((text, id))
        } else {
            recent[nextRecent] = (text, id)
            nextRecent = (nextRecent + 1) % Self.recentCount
        }
        return id
    }

    private func cache(_ text: String, _ id: Int64) {
        ids[text] = id
        if id >= 0, id < Self.denseLimit {
            if Int(id) >= denseTexts.count { denseTexts.append(contentsOf: repeatElement(nil, count: Int(id) - denseTexts.count + 1)) }
            denseTexts[Int(id)] = text
        } else {
            sparseTexts[id] = text
        }
    }

    private func cachedText(_ id: Int64) -> String? {
        if id >= 0, id < denseTexts.count { return denseTexts[Int(id)] }
        return sparseTexts[id]
    }
}
