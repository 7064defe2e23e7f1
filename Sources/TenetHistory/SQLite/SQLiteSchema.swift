/// The SQLite store's schema, as numbered migrations. `PRAGMA user_version` holds the number
/// applied; a store with a larger number was written by a newer Tenet and is refused.
enum SQLiteSchema {
    /// `TENT`: marks a file as a Tenet history store, so another program's database is refused
    /// rather than extended.
    static let applicationID: Int64 = 0x5445_4E54

    static let migrations: [String] = [
        """
        CREATE TABLE sources (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
        CREATE TABLE blocks (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, kind TEXT NOT NULL, captured_at INTEGER NOT NULL,
            header TEXT NOT NULL, previous_digest TEXT NOT NULL, digest TEXT NOT NULL, signature TEXT,
            PRIMARY KEY (source_id, sequence));
        CREATE INDEX blocks_by_time ON blocks (captured_at);
        CREATE TABLE versions (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            resource_id TEXT NOT NULL, resource_type TEXT NOT NULL, status TEXT NOT NULL,
            configuration_hash TEXT NOT NULL, configuration TEXT,
            PRIMARY KEY (source_id, sequence, ordinal));
        CREATE INDEX versions_by_resource ON versions (resource_id);
        CREATE TABLE changes (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            resource_id TEXT NOT NULL, path TEXT NOT NULL, old_value TEXT, new_value TEXT,
            PRIMARY KEY (source_id, sequence, ordinal));
        CREATE INDEX changes_by_resource ON changes (resource_id);
        CREATE TABLE transitions (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            rule_id TEXT NOT NULL, resource_id TEXT NOT NULL, resource_type TEXT NOT NULL,
            old_state TEXT, new_state TEXT, rule_version_hash TEXT NOT NULL, checks TEXT NOT NULL,
            PRIMARY KEY (source_id, sequence, ordinal));
        CREATE INDEX transitions_by_resource ON transitions (resource_id);
        CREATE TABLE summaries (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            rule_id TEXT NOT NULL, rule_version_hash TEXT NOT NULL, state TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (source_id, sequence, ordinal));
        CREATE INDEX summaries_by_rule ON summaries (rule_id);
        CREATE TABLE baseline_resources (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            resource_id TEXT NOT NULL, resource_type TEXT NOT NULL, configuration_hash TEXT NOT NULL, configuration TEXT NOT NULL,
            PRIMARY KEY (source_id, sequence, ordinal));
        CREATE INDEX baseline_resources_by_resource ON baseline_resources (resource_id);
        CREATE TABLE baseline_compliance (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            rule_id TEXT NOT NULL, resource_id TEXT NOT NULL, resource_type TEXT NOT NULL, state TEXT NOT NULL,
            rule_version_hash TEXT NOT NULL, checks TEXT NOT NULL,
            PRIMARY KEY (source_id, sequence, ordinal));
        CREATE INDEX baseline_compliance_by_resource ON baseline_compliance (resource_id);
        CREATE TABLE current_resources (
            source_id INTEGER NOT NULL, resource_id TEXT NOT NULL, resource_type TEXT NOT NULL,
            configuration_hash TEXT NOT NULL, configuration TEXT NOT NULL,
            PRIMARY KEY (source_id, resource_id));
        CREATE TABLE current_compliance (
            source_id INTEGER NOT NULL, rule_id TEXT NOT NULL, resource_id TEXT NOT NULL, resource_type TEXT NOT NULL,
            state TEXT NOT NULL, rule_version_hash TEXT NOT NULL, checks TEXT NOT NULL,
            PRIMARY KEY (source_id, rule_id, resource_id));
        """
    ]
}
