/// The PostgreSQL store's schema: the SQLite store's tables, column for column, as numbered
/// migrations. `tenet_schema` holds the number applied; a store with a larger number was written
/// by a newer Tenet and is refused.
///
/// Text columns use the "C" collation so that ordering is bytewise, as in SQLite, whatever
/// locale the database was created with.
enum PostgreSQLSchema {
    /// Held (transaction-scoped) while migrating, so two Tenets opening a new database at once
    /// do not both create it. `TENT`.
    static let migrationLock: Int64 = 0x5445_4E54

    /// Each migration is a list of statements: the extended query protocol runs one at a time.
    static let migrations: [[String]] = [
        [
            "CREATE TABLE tenet_schema (version BIGINT NOT NULL)",
            "INSERT INTO tenet_schema (version) VALUES (0)",
            #"CREATE TABLE sources (id BIGSERIAL PRIMARY KEY, key TEXT COLLATE "C" NOT NULL UNIQUE)"#,
            #"""
            CREATE TABLE blocks (
                source_id BIGINT NOT NULL, sequence BIGINT NOT NULL, kind TEXT COLLATE "C" NOT NULL, captured_at BIGINT NOT NULL,
                header TEXT NOT NULL, previous_digest TEXT NOT NULL, digest TEXT NOT NULL, signature TEXT,
                PRIMARY KEY (source_id, sequence))
            """#,
            "CREATE INDEX blocks_by_time ON blocks (captured_at)",
            #"""
            CREATE TABLE versions (
                source_id BIGINT NOT NULL, sequence BIGINT NOT NULL, ordinal BIGINT NOT NULL,
                resource_id TEXT COLLATE "C" NOT NULL, resource_type TEXT COLLATE "C" NOT NULL, status TEXT COLLATE "C" NOT NULL,
                configuration_hash TEXT NOT NULL, configuration TEXT,
                PRIMARY KEY (source_id, sequence, ordinal))
            """#,
            "CREATE INDEX versions_by_resource ON versions (resource_id)",
            "CREATE INDEX versions_by_reversed_resource ON versions (reverse(resource_id))",
            #"""
            CREATE TABLE changes (
                source_id BIGINT NOT NULL, sequence BIGINT NOT NULL, ordinal BIGINT NOT NULL,
                resource_id TEXT COLLATE "C" NOT NULL, path TEXT COLLATE "C" NOT NULL, old_value TEXT, new_value TEXT,
                PRIMARY KEY (source_id, sequence, ordinal))
            """#,
            "CREATE INDEX changes_by_resource ON changes (resource_id)",
            #"""
            CREATE TABLE transitions (
                source_id BIGINT NOT NULL, sequence BIGINT NOT NULL, ordinal BIGINT NOT NULL,
                rule_id TEXT COLLATE "C" NOT NULL, resource_id TEXT COLLATE "C" NOT NULL, resource_type TEXT COLLATE "C" NOT NULL,
                old_state TEXT COLLATE "C", new_state TEXT COLLATE "C", rule_version_hash TEXT NOT NULL, checks TEXT NOT NULL,
                PRIMARY KEY (source_id, sequence, ordinal))
            """#,
            "CREATE INDEX transitions_by_reversed_resource ON transitions (reverse(resource_id))",
            // `compliance --at` seeks in it each pair's last transition at or before its time, for the
            // pairs that changed after it: those whose current state began later, and those removed later.
            // A timeline reads one resource's range of it per source.
            "CREATE INDEX transitions_as_of ON transitions (source_id, resource_id, rule_id, sequence DESC, ordinal DESC)",
            "CREATE INDEX transitions_removing ON transitions (source_id, sequence) WHERE new_state IS NULL",
            #"""
            CREATE TABLE summaries (
                source_id BIGINT NOT NULL, sequence BIGINT NOT NULL, ordinal BIGINT NOT NULL,
                rule_id TEXT COLLATE "C" NOT NULL, rule_version_hash TEXT NOT NULL, state TEXT COLLATE "C" NOT NULL, count BIGINT NOT NULL,
                PRIMARY KEY (source_id, sequence, ordinal))
            """#,
            "CREATE INDEX summaries_by_rule ON summaries (rule_id)",
            #"""
            CREATE TABLE baseline_resources (
                source_id BIGINT NOT NULL, sequence BIGINT NOT NULL, ordinal BIGINT NOT NULL,
                resource_id TEXT COLLATE "C" NOT NULL, resource_type TEXT COLLATE "C" NOT NULL, configuration_hash TEXT NOT NULL,
                configuration TEXT NOT NULL,
                PRIMARY KEY (source_id, sequence, ordinal))
            """#,
            "CREATE INDEX baseline_resources_by_resource ON baseline_resources (resource_id)",
            "CREATE INDEX baseline_resources_by_reversed_resource ON baseline_resources (reverse(resource_id))",
            #"""
            CREATE TABLE baseline_compliance (
                source_id BIGINT NOT NULL, sequence BIGINT NOT NULL, ordinal BIGINT NOT NULL,
                rule_id TEXT COLLATE "C" NOT NULL, resource_id TEXT COLLATE "C" NOT NULL, resource_type TEXT COLLATE "C" NOT NULL,
                state TEXT COLLATE "C" NOT NULL, rule_version_hash TEXT NOT NULL, checks TEXT NOT NULL,
                PRIMARY KEY (source_id, sequence, ordinal))
            """#,
            "CREATE INDEX baseline_compliance_by_resource ON baseline_compliance (resource_id)",
            "CREATE INDEX baseline_compliance_by_reversed_resource ON baseline_compliance (reverse(resource_id))",
            #"""
            CREATE TABLE current_resources (
                source_id BIGINT NOT NULL, resource_id TEXT COLLATE "C" NOT NULL, resource_type TEXT COLLATE "C" NOT NULL,
                configuration_hash TEXT NOT NULL, configuration TEXT NOT NULL,
                PRIMARY KEY (source_id, resource_id))
            """#,
            // The names the packed current-compliance rows refer to by id (`PostgreSQLNames`).
            #"CREATE TABLE names (id BIGSERIAL PRIMARY KEY, key TEXT COLLATE "C" NOT NULL UNIQUE)"#,
            // One row per resource, every rule's verdict on it packed (`PackedComplianceStates`).
            #"""
            CREATE TABLE current_compliance (
                source_id BIGINT NOT NULL, resource_id TEXT COLLATE "C" NOT NULL, states BYTEA NOT NULL,
                PRIMARY KEY (source_id, resource_id))
            """#,
        ]
    ]
}
