import Foundation
import TenetInventory
import TenetScan

/// The embedded default store: one SQLite file in WAL mode (or memory, for tests).
public final class SQLiteHistoryStore: HistoryStore {
    public static let schemaVersion = SQLiteSchema.migrations.count

    let connection: SQLiteConnection
    public let location: String

    /// Opens (creating when missing) the store at `path`, or an in-memory one for `":memory:"`,
    /// and brings its schema up to date.
    public init(path: String) throws {
        location = path
        if path != ":memory:" {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        connection = try SQLiteConnection(path: path)
        try migrate()
        if path != ":memory:" {
            try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
    }

    public static func inMemory() throws -> SQLiteHistoryStore { try SQLiteHistoryStore(path: ":memory:") }

    private func migrate() throws {
        let applied = try connection.query("PRAGMA user_version") { $0.integer(0) }.first ?? 0
        let application = try connection.query("PRAGMA application_id") { $0.integer(0) }.first ?? 0
        let tables = try connection.query("SELECT count(*) FROM sqlite_master") { $0.integer(0) }.first ?? 0
        if application != SQLiteSchema.applicationID && tables > 0 {
            throw HistoryError(.storeUnavailable, "\(location) is an SQLite database but not a Tenet history store")
        }
        guard applied <= Int64(Self.schemaVersion) else {
            throw HistoryError(.newerSchema, "the history store \(location) has schema version \(applied), written by a newer Tenet; this Tenet reads up to version \(Self.schemaVersion). Upgrade Tenet to use it.")
        }
        for (index, migration) in SQLiteSchema.migrations.enumerated() where Int64(index) >= applied {
            try connection.transaction {
                try connection.execute(migration)
                try connection.execute("PRAGMA application_id = \(SQLiteSchema.applicationID); PRAGMA user_version = \(index + 1)")
            }
        }
    }

    // MARK: Recording

    public func append(source: HistorySource, prepare: (PreviousState) throws -> PreparedBlock) throws -> Block {
        try connection.transaction {
            let sourceID = try self.sourceID(source, create: true)!
            let previous = PreviousState(
                latest: try blocks(sourceID: sourceID, source: source, latestOnly: true).last,
                resources: Dictionary(try currentResources(sourceID: sourceID).map { ($0.resourceID, $0) }, uniquingKeysWith: { $1 }),
                compliance: Dictionary(try currentCompliance(sourceID: sourceID).map { ($0.key, $0) }, uniquingKeysWith: { $1 }))
            let prepared = try prepare(previous)
            try write(prepared, sourceID: sourceID)
            try applyDerived(prepared.content, sourceID: sourceID)
            return prepared.block
        }
    }

    public func prune(source: HistorySource, removingThrough sequence: Int, checkpoint: PreparedBlock) throws {
        try connection.transaction {
            guard let sourceID = try sourceID(source, create: false) else {
                throw HistoryError(.notFound, "no history for source \(source)")
            }
            try write(checkpoint, sourceID: sourceID)
            for table in ["blocks", "versions", "changes", "transitions", "summaries", "baseline_resources", "baseline_compliance"] {
                try connection.prepare("DELETE FROM \(table) WHERE source_id = ? AND sequence <= ?")
                    .run([.integer(sourceID), .integer(Int64(sequence))])
            }
        }
    }

    private func sourceID(_ source: HistorySource, create: Bool) throws -> Int64? {
        if let id = try connection.query("SELECT id FROM sources WHERE key = ?", [.text(source.rawValue)], row: { $0.integer(0) }).first {
            return id
        }
        guard create else { return nil }
        try connection.prepare("INSERT INTO sources (key) VALUES (?)").run([.text(source.rawValue)])
        return try sourceID(source, create: false)
    }

    private func write(_ prepared: PreparedBlock, sourceID: Int64) throws {
        let block = prepared.block
        let content = prepared.content
        let source = Int64(sourceID)
        let sequence = Int64(block.sequence)
        try connection.prepare(
            "INSERT INTO blocks (source_id, sequence, kind, captured_at, header, previous_digest, digest, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        ).run([.integer(source), .integer(sequence), .text(block.kind.rawValue), .integer(HistoryTime.milliseconds(block.capturedAt)),
               .text(block.header), .text(block.previousDigest), .text(block.digest), .optional(block.signature)])

        func insert<Row>(_ table: String, _ columns: [String], _ rows: [Row], _ values: (Row) -> [SQLiteValue]) throws {
            guard !rows.isEmpty else { return }
            let placeholders = Array(repeating: "?", count: columns.count + 3).joined(separator: ", ")
            let statement = try connection.prepare(
                "INSERT INTO \(table) (source_id, sequence, ordinal, \(columns.joined(separator: ", "))) VALUES (\(placeholders))")
            for (ordinal, row) in rows.enumerated() {
                try statement.run([.integer(source), .integer(sequence), .integer(Int64(ordinal))] + values(row))
            }
        }
        try insert("versions", ["resource_id", "resource_type", "status", "configuration_hash", "configuration"], content.versions) {
            [.text($0.resourceID.rawValue), .text($0.resourceType.rawValue), .text($0.status.rawValue), .text($0.configurationHash),
             .optional($0.configuration)]
        }
        try insert("changes", ["resource_id", "path", "old_value", "new_value"], content.changes) {
            [.text($0.resourceID.rawValue), .text($0.path), .optional($0.oldValue), .optional($0.newValue)]
        }
        try insert("transitions", ["rule_id", "resource_id", "resource_type", "old_state", "new_state", "rule_version_hash", "checks"],
                   content.transitions) {
            [.text($0.ruleID), .text($0.resourceID.rawValue), .text($0.resourceType.rawValue), .optional($0.oldState?.rawValue),
             .optional($0.newState?.rawValue), .text($0.ruleVersionHash), .text($0.checks)]
        }
        try insert("summaries", ["rule_id", "rule_version_hash", "state", "count"], content.summaries) {
            [.text($0.ruleID), .text($0.ruleVersionHash), .text($0.state.rawValue), .integer(Int64($0.count))]
        }
        try insert("baseline_resources", ["resource_id", "resource_type", "configuration_hash", "configuration"], content.baselineResources) {
            [.text($0.resourceID.rawValue), .text($0.resourceType.rawValue), .text($0.configurationHash), .text($0.configuration)]
        }
        try insert("baseline_compliance", ["rule_id", "resource_id", "resource_type", "state", "rule_version_hash", "checks"],
                   content.baselineCompliance) {
            [.text($0.key.ruleID), .text($0.key.resourceID.rawValue), .text($0.resourceType.rawValue), .text($0.state.rawValue),
             .text($0.ruleVersionHash), .text($0.checks)]
        }
    }

    /// Keeps the speed tables equal to `DerivedState` applied to the covered rows.
    private func applyDerived(_ content: BlockContent, sourceID: Int64) throws {
        let upsertResource = try connection.prepare(
            "INSERT OR REPLACE INTO current_resources (source_id, resource_id, resource_type, configuration_hash, configuration) VALUES (?, ?, ?, ?, ?)")
        let deleteResource = try connection.prepare("DELETE FROM current_resources WHERE source_id = ? AND resource_id = ?")
        for version in content.versions {
            if version.status == .deleted {
                try deleteResource.run([.integer(sourceID), .text(version.resourceID.rawValue)])
            } else {
                try upsertResource.run([.integer(sourceID), .text(version.resourceID.rawValue), .text(version.resourceType.rawValue),
                                        .text(version.configurationHash), .text(version.configuration ?? "null")])
            }
        }
        let upsertCompliance = try connection.prepare(
            "INSERT OR REPLACE INTO current_compliance (source_id, rule_id, resource_id, resource_type, state, rule_version_hash, checks) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let deleteCompliance = try connection.prepare("DELETE FROM current_compliance WHERE source_id = ? AND rule_id = ? AND resource_id = ?")
        for transition in content.transitions {
            if let state = transition.newState {
                try upsertCompliance.run([.integer(sourceID), .text(transition.ruleID), .text(transition.resourceID.rawValue),
                                          .text(transition.resourceType.rawValue), .text(state.rawValue), .text(transition.ruleVersionHash),
                                          .text(transition.checks)])
            } else {
                try deleteCompliance.run([.integer(sourceID), .text(transition.ruleID), .text(transition.resourceID.rawValue)])
            }
        }
    }

    // MARK: Reading

    public func sources() throws -> [HistorySource] {
        try connection.query("SELECT key FROM sources ORDER BY key") { HistorySource(rawValue: $0.requiredText(0)) }
    }

    public func blocks(of source: HistorySource) throws -> [Block] {
        guard let sourceID = try sourceID(source, create: false) else { return [] }
        return try blocks(sourceID: sourceID, source: source, latestOnly: false)
    }

    private func blocks(sourceID: Int64, source: HistorySource, latestOnly: Bool) throws -> [Block] {
        let sql = latestOnly
            ? "SELECT * FROM (SELECT sequence, kind, captured_at, header, previous_digest, digest, signature FROM blocks WHERE source_id = ? ORDER BY sequence DESC LIMIT 1)"
            : "SELECT sequence, kind, captured_at, header, previous_digest, digest, signature FROM blocks WHERE source_id = ? ORDER BY sequence"
        return try connection.query(sql, [.integer(sourceID)]) { row in
            Block(
                source: source, sequence: Int(row.integer(0)), kind: Block.Kind(rawValue: row.requiredText(1)) ?? .snapshot,
                capturedAt: HistoryTime.date(milliseconds: row.integer(2)), header: row.requiredText(3),
                previousDigest: row.requiredText(4), digest: row.requiredText(5), signature: row.text(6))
        }
    }

    public func content(of block: Block) throws -> BlockContent {
        guard let sourceID = try sourceID(block.source, create: false) else { return BlockContent() }
        let key: [SQLiteValue] = [.integer(sourceID), .integer(Int64(block.sequence))]
        let scope = "WHERE source_id = ? AND sequence = ? ORDER BY ordinal"
        var content = BlockContent()
        content.versions = try connection.query(
            "SELECT resource_id, resource_type, status, configuration_hash, configuration FROM versions \(scope)", key, row: Self.version)
        content.changes = try connection.query("SELECT resource_id, path, old_value, new_value FROM changes \(scope)", key, row: Self.change)
        content.transitions = try connection.query(
            "SELECT rule_id, resource_id, resource_type, old_state, new_state, rule_version_hash, checks FROM transitions \(scope)", key,
            row: Self.transition)
        content.summaries = try connection.query("SELECT rule_id, rule_version_hash, state, count FROM summaries \(scope)", key, row: Self.summary)
        content.baselineResources = try connection.query(
            "SELECT resource_id, resource_type, configuration_hash, configuration FROM baseline_resources \(scope)", key, row: Self.resource)
        content.baselineCompliance = try connection.query(
            "SELECT rule_id, resource_id, resource_type, state, rule_version_hash, checks FROM baseline_compliance \(scope)", key,
            row: Self.compliance)
        return content
    }

    public func currentResources(of source: HistorySource) throws -> [CurrentResource] {
        guard let sourceID = try sourceID(source, create: false) else { return [] }
        return try currentResources(sourceID: sourceID)
    }

    private func currentResources(sourceID: Int64) throws -> [CurrentResource] {
        try connection.query(
            "SELECT resource_id, resource_type, configuration_hash, configuration FROM current_resources WHERE source_id = ? ORDER BY resource_id",
            [.integer(sourceID)], row: Self.resource)
    }

    public func currentCompliance(of source: HistorySource) throws -> [CurrentCompliance] {
        guard let sourceID = try sourceID(source, create: false) else { return [] }
        return try currentCompliance(sourceID: sourceID)
    }

    private func currentCompliance(sourceID: Int64) throws -> [CurrentCompliance] {
        try connection.query(
            "SELECT rule_id, resource_id, resource_type, state, rule_version_hash, checks FROM current_compliance WHERE source_id = ? ORDER BY rule_id, resource_id",
            [.integer(sourceID)], row: Self.compliance)
    }

    public func resourceIDs() throws -> [ResourceID] {
        try connection.query(
            "SELECT resource_id FROM versions UNION SELECT resource_id FROM baseline_resources UNION SELECT resource_id FROM current_compliance ORDER BY 1"
        ) { ResourceID($0.requiredText(0)) }
    }

    public func history(of resource: ResourceID) throws -> ResourceHistory {
        var history = ResourceHistory()
        func recorded<Row>(_ table: String, _ columns: String, _ read: (SQLiteStatement, Int32) throws -> Row) throws -> [Recorded<Row>] {
            try connection.query(
                """
                SELECT s.key, r.sequence, b.captured_at, \(columns) FROM \(table) r
                JOIN blocks b ON b.source_id = r.source_id AND b.sequence = r.sequence JOIN sources s ON s.id = r.source_id
                WHERE r.resource_id = ? ORDER BY b.captured_at, s.key, r.sequence, r.ordinal
                """, [.text(resource.rawValue)]
            ) { row in
                Recorded(source: HistorySource(rawValue: row.requiredText(0)), sequence: Int(row.integer(1)),
                         capturedAt: HistoryTime.date(milliseconds: row.integer(2)), row: try read(row, 3))
            }
        }
        history.versions = try recorded("versions", "resource_id, resource_type, status, configuration_hash, configuration", Self.version)
        history.changes = try recorded("changes", "resource_id, path, old_value, new_value", Self.change)
        history.transitions = try recorded(
            "transitions", "rule_id, resource_id, resource_type, old_state, new_state, rule_version_hash, checks", Self.transition)
        history.baselines = try recorded("baseline_resources", "resource_id, resource_type, configuration_hash, configuration", Self.resource)
        history.baselineCompliance = try recorded(
            "baseline_compliance", "rule_id, resource_id, resource_type, state, rule_version_hash, checks", Self.compliance)
        return history
    }

    public func latestTransitions(at time: Date) throws -> [Recorded<ComplianceTransition>] {
        try connection.query(
            """
            WITH bounds AS (SELECT source_id, MAX(sequence) AS upto FROM blocks WHERE captured_at <= ?1 GROUP BY source_id)
            SELECT s.key, t.sequence, b.captured_at, t.rule_id, t.resource_id, t.resource_type, t.old_state, t.new_state,
                   t.rule_version_hash, t.checks
            FROM (SELECT t.source_id, MAX(t.sequence) AS sequence, t.rule_id, t.resource_id, t.resource_type, t.old_state, t.new_state,
                         t.rule_version_hash, t.checks
                  FROM transitions t JOIN bounds ON bounds.source_id = t.source_id AND t.sequence <= bounds.upto
                  GROUP BY t.source_id, t.rule_id, t.resource_id) t
            JOIN blocks b ON b.source_id = t.source_id AND b.sequence = t.sequence JOIN sources s ON s.id = t.source_id
            """, [.integer(HistoryTime.milliseconds(time))]
        ) { row in
            Recorded(source: HistorySource(rawValue: row.requiredText(0)), sequence: Int(row.integer(1)),
                     capturedAt: HistoryTime.date(milliseconds: row.integer(2)), row: try Self.transition(row, 3))
        }
    }

    public func summaries(of rule: String) throws -> [Recorded<RuleSummary>] {
        try connection.query(
            """
            SELECT s.key, r.sequence, b.captured_at, r.rule_id, r.rule_version_hash, r.state, r.count FROM summaries r
            JOIN blocks b ON b.source_id = r.source_id AND b.sequence = r.sequence JOIN sources s ON s.id = r.source_id
            WHERE r.rule_id = ? ORDER BY b.captured_at, s.key, r.ordinal
            """, [.text(rule)]
        ) { row in
            Recorded(source: HistorySource(rawValue: row.requiredText(0)), sequence: Int(row.integer(1)),
                     capturedAt: HistoryTime.date(milliseconds: row.integer(2)), row: try Self.summary(row, 3))
        }
    }

    // MARK: Row readers, shared by every query of a table

    private static func state(_ text: String) throws -> ComplianceState {
        guard let state = ComplianceState(rawValue: text) else {
            throw HistoryError(.storeUnavailable, "the store holds an unknown compliance state '\(text)'")
        }
        return state
    }

    private static func version(_ row: SQLiteStatement) throws -> ConfigurationVersion { try version(row, 0) }
    private static func version(_ row: SQLiteStatement, _ at: Int32) throws -> ConfigurationVersion {
        let status = row.requiredText(at + 2)
        guard let parsed = ConfigurationVersion.Status(rawValue: status) else {
            throw HistoryError(.storeUnavailable, "the store holds an unknown version status '\(status)'")
        }
        return ConfigurationVersion(resourceID: ResourceID(row.requiredText(at)), resourceType: ResourceType(row.requiredText(at + 1)),
                                    status: parsed, configurationHash: row.requiredText(at + 3), configuration: row.text(at + 4))
    }

    private static func change(_ row: SQLiteStatement) throws -> FieldChange { try change(row, 0) }
    private static func change(_ row: SQLiteStatement, _ at: Int32) throws -> FieldChange {
        FieldChange(resourceID: ResourceID(row.requiredText(at)), path: row.requiredText(at + 1), oldValue: row.text(at + 2), newValue: row.text(at + 3))
    }

    private static func transition(_ row: SQLiteStatement) throws -> ComplianceTransition { try transition(row, 0) }
    private static func transition(_ row: SQLiteStatement, _ at: Int32) throws -> ComplianceTransition {
        ComplianceTransition(
            ruleID: row.requiredText(at), resourceID: ResourceID(row.requiredText(at + 1)), resourceType: ResourceType(row.requiredText(at + 2)),
            oldState: try row.text(at + 3).map(state), newState: try row.text(at + 4).map(state), ruleVersionHash: row.requiredText(at + 5),
            checks: row.requiredText(at + 6))
    }

    private static func summary(_ row: SQLiteStatement) throws -> RuleSummary { try summary(row, 0) }
    private static func summary(_ row: SQLiteStatement, _ at: Int32) throws -> RuleSummary {
        RuleSummary(ruleID: row.requiredText(at), ruleVersionHash: row.requiredText(at + 1), state: try state(row.requiredText(at + 2)),
                    count: Int(row.integer(at + 3)))
    }

    private static func resource(_ row: SQLiteStatement) throws -> CurrentResource { try resource(row, 0) }
    private static func resource(_ row: SQLiteStatement, _ at: Int32) throws -> CurrentResource {
        CurrentResource(resourceID: ResourceID(row.requiredText(at)), resourceType: ResourceType(row.requiredText(at + 1)),
                        configurationHash: row.requiredText(at + 2), configuration: row.requiredText(at + 3))
    }

    private static func compliance(_ row: SQLiteStatement) throws -> CurrentCompliance { try compliance(row, 0) }
    private static func compliance(_ row: SQLiteStatement, _ at: Int32) throws -> CurrentCompliance {
        CurrentCompliance(
            key: ComplianceKey(ruleID: row.requiredText(at), resourceID: ResourceID(row.requiredText(at + 1))),
            resourceType: ResourceType(row.requiredText(at + 2)), state: try state(row.requiredText(at + 3)),
            ruleVersionHash: row.requiredText(at + 4), checks: row.requiredText(at + 5))
    }
}
