/// The SQLite store's schema, as numbered migrations. `PRAGMA user_version` holds the number
/// applied; a store with a larger number was written by a newer Tenet and is refused.
enum SQLiteSchema {
    /// `TENT`: marks a file as a Tenet history store, so another program's database is refused
    /// rather than extended.
    static let applicationID: Int64 = 0x5445_4E54

    /// History rows refer to rule ids, resource ids and types, rule version hashes and lists of
    /// failing checks by their id in `names` or `resources` (see `SQLiteNames`). Row tables are
    /// clustered by block, the order `verify` reads them. `transitions_by_resource` serves both the
    /// timeline (one resource's range per source) and `compliance --at`, which seeks in it the last
    /// transition at or before its time of each pair that changed after it: those are the pairs
    /// whose current state began later, found in `current_compliance`, and the pairs removed
    /// later, found in the small `transitions_removing`. A recording appends to it in its order.
    /// The `current_` tables are derived from the covered rows; `verify` checks them.
    static let migrations: [String] = [
        """
        CREATE TABLE sources (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
        CREATE TABLE names (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
        CREATE TABLE resources (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, reversed_key TEXT NOT NULL);
        CREATE INDEX resources_by_suffix ON resources (reversed_key);
        CREATE TABLE blocks (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, kind TEXT NOT NULL, captured_at INTEGER NOT NULL,
            header TEXT NOT NULL, previous_digest TEXT NOT NULL, digest TEXT NOT NULL, signature TEXT,
            PRIMARY KEY (source_id, sequence));
        CREATE INDEX blocks_by_time ON blocks (captured_at);
        CREATE TABLE versions (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            resource INTEGER NOT NULL, resource_type INTEGER NOT NULL, status TEXT NOT NULL,
            configuration_hash TEXT NOT NULL, configuration TEXT,
            PRIMARY KEY (source_id, sequence, ordinal)) WITHOUT ROWID;
        CREATE INDEX versions_by_resource ON versions (resource);
        CREATE TABLE changes (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            resource INTEGER NOT NULL, path TEXT NOT NULL, old_value TEXT, new_value TEXT,
            PRIMARY KEY (source_id, sequence, ordinal)) WITHOUT ROWID;
        CREATE INDEX changes_by_resource ON changes (resource);
        CREATE TABLE transitions (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            rule INTEGER NOT NULL, resource INTEGER NOT NULL, resource_type INTEGER NOT NULL,
            old_state TEXT, new_state TEXT, rule_version INTEGER NOT NULL, checks INTEGER NOT NULL,
            PRIMARY KEY (source_id, sequence, ordinal)) WITHOUT ROWID;
        CREATE INDEX transitions_by_resource ON transitions (
            source_id, resource, rule, sequence, old_state, new_state, resource_type, rule_version, checks);
        CREATE INDEX transitions_removing ON transitions (source_id, sequence) WHERE new_state IS NULL;
        CREATE TABLE summaries (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            rule INTEGER NOT NULL, rule_version INTEGER NOT NULL, state TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (source_id, sequence, ordinal)) WITHOUT ROWID;
        CREATE INDEX summaries_by_rule ON summaries (rule);
        CREATE TABLE baseline_resources (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            resource INTEGER NOT NULL, resource_type INTEGER NOT NULL, configuration_hash TEXT NOT NULL, configuration TEXT NOT NULL,
            PRIMARY KEY (source_id, sequence, ordinal)) WITHOUT ROWID;
        CREATE INDEX baseline_resources_by_resource ON baseline_resources (resource);
        CREATE TABLE baseline_compliance (
            source_id INTEGER NOT NULL, sequence INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            rule INTEGER NOT NULL, resource INTEGER NOT NULL, resource_type INTEGER NOT NULL, state TEXT NOT NULL,
            rule_version INTEGER NOT NULL, checks INTEGER NOT NULL,
            PRIMARY KEY (source_id, sequence, ordinal)) WITHOUT ROWID;
        CREATE INDEX baseline_compliance_by_resource ON baseline_compliance (resource);
        CREATE TABLE current_resources (
            source_id INTEGER NOT NULL, resource INTEGER NOT NULL, resource_type INTEGER NOT NULL,
            configuration_hash TEXT NOT NULL, configuration TEXT NOT NULL,
            PRIMARY KEY (source_id, resource)) WITHOUT ROWID;
        CREATE TABLE current_compliance (
            source_id INTEGER NOT NULL, resource INTEGER NOT NULL, states BLOB NOT NULL,
            PRIMARY KEY (source_id, resource)) WITHOUT ROWID;
        """
    ]
}
