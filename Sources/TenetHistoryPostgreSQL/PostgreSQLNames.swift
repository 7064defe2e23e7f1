import PostgresNIO
import TenetHistory

/// The `names` table — rule ids, resource types, rule version hashes, lists of failing checks —
/// which the packed current-compliance rows (`PackedComplianceStates`) refer to by id, read and
/// extended through a cache. The table holds a few hundred texts per rule pack, so the first use
/// reads it whole rather than paying a round trip per name.
///
/// Ids are never reused, so a cached id stays valid, except for ones added by a transaction that
/// rolled back — `forget`.
final class PostgreSQLNames {
    private let connection: PostgreSQLConnection
    private var ids: [String: Int64] = [:]
    private var texts: [Int64: String] = [:]
    private var loaded = false

    init(connection: PostgreSQLConnection) {
        self.connection = connection
    }

    /// The id of `text`, added when the table lacks it.
    func id(_ text: String) throws -> Int64 {
        if let id = ids[text] { return id }
        try loadAll()
        if let id = ids[text] { return id }
        var binds = PostgresBindings()
        binds.append(text)
        // Another recorder may add the same name meanwhile: then it is there to read.
        let added = try connection.query("INSERT INTO names (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING id", binds) { $0.integer(0) }
        let id = try added.first ?? connection.query("SELECT id FROM names WHERE key = $1", binds) { $0.integer(0) }.first ?? 0
        cache(text, id)
        return id
    }

    /// Caches the texts of `wanted` that are not cached yet, in one round trip.
    func load(_ wanted: Set<Int64>) throws {
        try loadAll()
        let missing = wanted.filter { texts[$0] == nil }
        guard !missing.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(Array(missing))
        try connection.forEachRow("SELECT id, key FROM names WHERE id = ANY($1::bigint[])", binds) { cache($0.requiredText(1), $0.integer(0)) }
    }

    /// The text of a loaded id; empty when no such name exists (a hand-edited store, which
    /// `verify` then reports through the digests).
    func text(_ id: Int64) -> String { texts[id] ?? "" }

    /// Drops cached names, after a rollback undid the ones a transaction added.
    func forget() {
        ids.removeAll()
        texts.removeAll()
        loaded = false
    }

    private func loadAll() throws {
        guard !loaded else { return }
        try connection.forEachRow("SELECT id, key FROM names") { cache($0.requiredText(1), $0.integer(0)) }
        loaded = true
    }

    private func cache(_ text: String, _ id: Int64) {
        ids[text] = id
        texts[id] = text
    }
}
