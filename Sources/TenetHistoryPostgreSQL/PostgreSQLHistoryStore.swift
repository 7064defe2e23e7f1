import Foundation
import PostgresNIO
import TenetHistory
import TenetInventory
import TenetScan

/// The shared store for teams whose scanners run on several machines: the SQLite store's tables
/// and semantics on a PostgreSQL server (`--store postgres://user@host:port/db`).
///
/// Recorders of one source are serialized by locking the source's row (`SELECT … FOR UPDATE`),
/// so a recorder on another machine waits and then builds on the block this one wrote.
public final class PostgreSQLHistoryStore: HistoryStore {
    public static let schemaVersion = PostgreSQLSchema.migrations.count

    let connection: PostgreSQLConnection
    public var location: String { connection.address.description }
    private let names: PostgreSQLNames

    /// Connects and brings the schema up to date.
    public init(address: PostgreSQLAddress) throws {
        connection = try PostgreSQLConnection(address: address)
        names = PostgreSQLNames(connection: connection)
        try migrate()
    }

    public convenience init(url: String) throws {
        try self.init(address: PostgreSQLAddress(url: url))
    }

    private func migrate() throws {
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(\(PostgreSQLSchema.migrationLock))")
            let tables = try connection.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()") { $0.requiredText(0) }
            var applied: Int64 = 0
            if tables.contains("tenet_schema") {
                applied = try connection.query("SELECT max(version) FROM tenet_schema") { $0.integer(0) }.first ?? 0
            } else if !tables.isEmpty {
                throw HistoryError(.storeUnavailable, "the database \(location) holds other tables but not a Tenet history store; give Tenet a database of its own")
            }
            guard applied <= Int64(Self.schemaVersion) else {
                throw HistoryError(.newerSchema, "the history store \(location) has schema version \(applied), written by a newer Tenet; this Tenet reads up to version \(Self.schemaVersion). Upgrade Tenet to use it.")
            }
            for (index, migration) in PostgreSQLSchema.migrations.enumerated() where Int64(index) >= applied {
                for statement in migration { try connection.execute(statement) }
                try connection.execute("UPDATE tenet_schema SET version = \(index + 1)")
            }
        }
    }

    // MARK: Recording

    public func append(source: HistorySource, prepare: (PreviousState) throws -> PreparedBlock) throws -> Block {
        try writing {
            try connection.execute("INSERT INTO sources (key) VALUES ($1) ON CONFLICT (key) DO NOTHING", binds(source.rawValue))
            let sourceID = try lockedSourceID(source)!
            let stored = try storedCompliance(sourceID: sourceID)
            let previous = PreviousState(
                latest: try blocks(sourceID: sourceID, source: source, latestOnly: true).last,
                resources: Dictionary(try currentResources(sourceID: sourceID).map { ($0.resourceID, $0) }, uniquingKeysWith: { $1 }),
                compliance: currentCompliance(stored).map(\.compliance))
            let prepared = try prepare(previous)
            try write(prepared, sourceID: sourceID)
            try applyDerived(prepared.content, sourceID: sourceID, sequence: Int64(prepared.block.sequence), compliance: stored)
            return prepared.block
        }
    }

    public func prune(source: HistorySource, removingThrough sequence: Int, checkpoint: PreparedBlock) throws {
        try writing {
            guard let sourceID = try lockedSourceID(source) else {
                throw HistoryError(.notFound, "no history for source \(source)")
            }
            try write(checkpoint, sourceID: sourceID)
            for table in ["blocks", "versions", "changes", "transitions", "summaries", "baseline_resources", "baseline_compliance"] {
                try connection.execute("DELETE FROM \(table) WHERE source_id = $1 AND sequence <= $2", binds(sourceID, Int64(sequence)))
            }
            // States that began in pruned blocks now begin, as the checkpoint's baseline has them, at the last pruned block.
            let prunedThrough = Int64(sequence)
            var dated: [String: PackedComplianceStates] = [:]
            for (resource, stored) in try storedCompliance(sourceID: sourceID) where stored.verdicts.contains(where: { $0.since < prunedThrough }) {
                var states = stored
                for index in states.verdicts.indices { states.verdicts[index].since = max(states.verdicts[index].since, prunedThrough) }
                dated[resource] = states
            }
            try store(dated, sourceID: sourceID)
        }
    }

    /// A write transaction; the names it added are forgotten when it rolls back.
    private func writing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try connection.transaction(body)
        } catch {
            names.forget()
            throw error
        }
    }

    /// The source's id, its row locked until the transaction ends: the lock that serializes
    /// recorders and pruners of one source.
    private func lockedSourceID(_ source: HistorySource) throws -> Int64? {
        try connection.query("SELECT id FROM sources WHERE key = $1 FOR UPDATE", binds(source.rawValue)) { $0.integer(0) }.first
    }

    private func sourceID(_ source: HistorySource) throws -> Int64? {
        try connection.query("SELECT id FROM sources WHERE key = $1", binds(source.rawValue)) { $0.integer(0) }.first
    }

    private func write(_ prepared: PreparedBlock, sourceID: Int64) throws {
        let block = prepared.block
        let content = prepared.content
        let sequence = Int64(block.sequence)
        var header = PostgresBindings()
        header.append(sourceID)
        header.append(sequence)
        header.append(block.kind.rawValue)
        header.append(HistoryTime.milliseconds(block.capturedAt))
        header.append(block.header)
        header.append(block.previousDigest)
        header.append(block.digest)
        header.append(block.signature)
        try connection.execute(
            "INSERT INTO blocks (source_id, sequence, kind, captured_at, header, previous_digest, digest, signature) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            header)

        func insert<Row>(_ table: String, _ rows: [Row], _ columns: [PostgreSQLBulkInsert<Row>.Column]) throws {
            try PostgreSQLBulkInsert(table: table, columns: columns).run(rows, sourceID: sourceID, sequence: sequence, on: connection)
        }
        try insert("versions", content.versions, [
            .text("resource_id") { $0.resourceID.rawValue }, .text("resource_type") { $0.resourceType.rawValue }, .text("status") { $0.status.rawValue },
            .text("configuration_hash") { $0.configurationHash }, .text("configuration") { $0.configuration },
        ])
        try insert("changes", content.changes, [
            .text("resource_id") { $0.resourceID.rawValue }, .text("path") { $0.path }, .text("old_value") { $0.oldValue },
            .text("new_value") { $0.newValue },
        ])
        try insert("transitions", content.transitions, [
            .text("rule_id") { $0.ruleID }, .text("resource_id") { $0.resourceID.rawValue }, .text("resource_type") { $0.resourceType.rawValue },
            .text("old_state") { $0.oldState?.rawValue }, .text("new_state") { $0.newState?.rawValue },
            .text("rule_version_hash") { $0.ruleVersionHash }, .text("checks") { $0.checks },
        ])
        try insert("summaries", content.summaries, [
            .text("rule_id") { $0.ruleID }, .text("rule_version_hash") { $0.ruleVersionHash }, .text("state") { $0.state.rawValue },
            .integer("count") { Int64($0.count) },
        ])
        try insert("baseline_resources", content.baselineResources, [
            .text("resource_id") { $0.resourceID.rawValue }, .text("resource_type") { $0.resourceType.rawValue },
            .text("configuration_hash") { $0.configurationHash }, .text("configuration") { $0.configuration },
        ])
        try insert("baseline_compliance", content.baselineCompliance, [
            .text("rule_id") { $0.key.ruleID }, .text("resource_id") { $0.key.resourceID.rawValue },
            .text("resource_type") { $0.resourceType.rawValue }, .text("state") { $0.state.rawValue },
            .text("rule_version_hash") { $0.ruleVersionHash }, .text("checks") { $0.checks },
        ])
    }

    /// Keeps the speed tables equal to `DerivedState` applied to the block's covered rows. Current
    /// resources are derived on the server from the versions just written rather than sent a second
    /// time: each takes its last row in the block, upserted, or deleted when that row removes it.
    /// Current compliance, packed per resource, is `compliance` (the table as the block found it)
    /// with the block's transitions applied, written for the resources they touch.
    private func applyDerived(
        _ content: BlockContent, sourceID: Int64, sequence: Int64, compliance: [String: PackedComplianceStates]
    ) throws {
        let block = binds(sourceID, sequence)
        let lastVersions = """
            SELECT DISTINCT ON (resource_id) * FROM versions WHERE source_id = $1 AND sequence = $2 ORDER BY resource_id, ordinal DESC
            """
        try connection.execute("""
            INSERT INTO current_resources (source_id, resource_id, resource_type, configuration_hash, configuration)
            SELECT source_id, resource_id, resource_type, configuration_hash, coalesce(configuration, 'null') FROM (\(lastVersions)) last
            WHERE status <> 'deleted'
            ON CONFLICT (source_id, resource_id) DO UPDATE SET resource_type = excluded.resource_type,
                configuration_hash = excluded.configuration_hash, configuration = excluded.configuration
            """, block)
        if content.versions.contains(where: { $0.status == .deleted }) {
            try connection.execute("""
            DELETE FROM current_resources c USING (\(lastVersions)) last
            WHERE last.status = 'deleted' AND c.source_id = $1 AND c.resource_id = last.resource_id
            """, block)
        }
        // Transitions come resource by resource: each run of one resource updates its row once.
        var transitionNames = TransitionNames()
        var changed: [String: PackedComplianceStates] = [:]
        var start = 0
        let transitions = content.transitions
        while start < transitions.count {
            let resource = transitions[start].resourceID.rawValue
            var states = changed[resource] ?? compliance[resource] ?? PackedComplianceStates()
            var end = start
            while end < transitions.count, transitions[end].resourceID.rawValue == resource {
                let ids = try transitionNames.ids(of: transitions[end], names.id)
                states.set(rule: ids.rule, to: transitions[end].newState.map { state in
                    PackedComplianceStates.Verdict(
                        rule: ids.rule, resourceType: ids.resourceType, state: state, ruleVersion: ids.ruleVersion, checks: ids.checks,
                        since: sequence)
                })
                end += 1
            }
            changed[resource] = states
            start = end
        }
        try store(changed, sourceID: sourceID)
    }

    /// Writes packed current-compliance rows, deleting those left without a verdict, a chunk of
    /// rows per statement.
    private func store(_ rows: [String: PackedComplianceStates], sourceID: Int64) throws {
        let removed = rows.filter { $0.value.verdicts.isEmpty }.map(\.key)
        if !removed.isEmpty {
            var bindings = binds(sourceID)
            bindings.append(removed)
            try connection.execute("DELETE FROM current_compliance WHERE source_id = $1 AND resource_id = ANY($2::text[])", bindings)
        }
        let kept = rows.filter { !$0.value.verdicts.isEmpty }.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: kept.count, by: PostgreSQLBulkInsert<Void>.chunk) {
            let chunk = kept[start..<min(start + PostgreSQLBulkInsert<Void>.chunk, kept.count)]
            var bindings = binds(sourceID)
            bindings.append(chunk.map(\.key))
            bindings.append(chunk.map { ByteBuffer(bytes: $0.value.encoded) })
            try connection.execute("""
                INSERT INTO current_compliance (source_id, resource_id, states) SELECT $1, * FROM unnest($2::text[], $3::bytea[])
                ON CONFLICT (source_id, resource_id) DO UPDATE SET states = excluded.states
                """, bindings)
        }
    }

    // MARK: Reading

    public func sources() throws -> [HistorySource] {
        try connection.query("SELECT key FROM sources ORDER BY key") { HistorySource(rawValue: $0.requiredText(0)) }
    }

    public func blocks(of source: HistorySource) throws -> [Block] {
        guard let sourceID = try sourceID(source) else { return [] }
        return try blocks(sourceID: sourceID, source: source, latestOnly: false)
    }

    private func blocks(sourceID: Int64, source: HistorySource, latestOnly: Bool) throws -> [Block] {
        let columns = "sequence, kind, captured_at, header, previous_digest, digest, signature"
        let sql = latestOnly
            ? "SELECT \(columns) FROM blocks WHERE source_id = $1 ORDER BY sequence DESC LIMIT 1"
            : "SELECT \(columns) FROM blocks WHERE source_id = $1 ORDER BY sequence"
        return try connection.query(sql, binds(sourceID)) { row in
            Block(
                source: source, sequence: Int(row.integer(0)), kind: Block.Kind(rawValue: row.requiredText(1)) ?? .snapshot,
                capturedAt: HistoryTime.date(milliseconds: row.integer(2)), header: row.requiredText(3),
                previousDigest: row.requiredText(4), digest: row.requiredText(5), signature: row.text(6))
        }
    }

    public func content(of block: Block) throws -> BlockContent {
        guard let sourceID = try sourceID(block.source) else { return BlockContent() }
        let key = binds(sourceID, Int64(block.sequence))
        let scope = "WHERE source_id = $1 AND sequence = $2 ORDER BY ordinal"
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
        guard let sourceID = try sourceID(source) else { return [] }
        return try currentResources(sourceID: sourceID)
    }

    private func currentResources(sourceID: Int64) throws -> [CurrentResource] {
        try connection.query(
            "SELECT resource_id, resource_type, configuration_hash, configuration FROM current_resources WHERE source_id = $1 ORDER BY resource_id",
            binds(sourceID), row: Self.resource)
    }

    public func currentCompliance(of source: HistorySource) throws -> [CurrentVerdict] {
        guard let sourceID = try sourceID(source) else { return [] }
        return currentCompliance(try storedCompliance(sourceID: sourceID))
    }

    /// The current-compliance table's rows by resource id, with the names they use loaded.
    private func storedCompliance(sourceID: Int64) throws -> [String: PackedComplianceStates] {
        var stored: [String: PackedComplianceStates] = [:]
        try connection.forEachRow("SELECT resource_id, states FROM current_compliance WHERE source_id = $1", binds(sourceID)) { row in
            stored[row.requiredText(0)] = try PackedComplianceStates(decoding: row.bytes(1))
        }
        var used = Set<Int64>()
        for states in stored.values {
            for verdict in states.verdicts {
                used.insert(verdict.rule)
                used.insert(verdict.resourceType)
                used.insert(verdict.ruleVersion)
                used.insert(verdict.checks)
            }
        }
        try names.load(used)
        return stored
    }

    private func currentCompliance(_ stored: [String: PackedComplianceStates]) -> [CurrentVerdict] {
        var verdicts: [CurrentVerdict] = []
        verdicts.reserveCapacity(stored.values.reduce(0) { $0 + $1.verdicts.count })
        for (resource, states) in stored {
            let resourceID = ResourceID(resource)
            for verdict in states.verdicts {
                verdicts.append(CurrentVerdict(compliance: currentCompliance(verdict, of: resourceID), since: Int(verdict.since)))
            }
        }
        return verdicts
    }

    private func currentCompliance(_ verdict: PackedComplianceStates.Verdict, of resourceID: ResourceID) -> CurrentCompliance {
        CurrentCompliance(
            key: ComplianceKey(ruleID: names.text(verdict.rule), resourceID: resourceID), resourceType: ResourceType(names.text(verdict.resourceType)),
            state: verdict.state, ruleVersionHash: names.text(verdict.ruleVersion), checks: names.text(verdict.checks))
    }

    /// Reads the ids ending with `name` as ids starting with its reverse, so each table's
    /// `*_by_reversed_resource` index answers with a range scan; the pseudo-resources that have
    /// only compliance rows are found through the transitions.
    public func resourceIDs(endingWith name: String) throws -> [ResourceID] {
        // By scalar, as PostgreSQL's `reverse` does, not by grapheme as `String.reversed` would.
        let reversed = String(String.UnicodeScalarView(name.unicodeScalars.reversed()))
        let range = "reverse(resource_id) >= $1 AND reverse(resource_id) < $2"
        return try connection.query(
            ["versions", "transitions", "baseline_resources", "baseline_compliance"]
                .map { "SELECT resource_id FROM \($0) WHERE \(range)" }.joined(separator: " UNION ") + " ORDER BY 1",
            binds(reversed, reversed + "\u{10FFFF}")
        ) { ResourceID($0.requiredText(0)) }
    }

    public func history(of resource: ResourceID) throws -> ResourceHistory {
        var history = ResourceHistory()
        // The sources as a list let the server seek `transitions_as_of`, which starts with the source.
        func recorded<Row>(_ table: String, _ columns: String, _ read: (PostgreSQLRow, Int) throws -> Row) throws -> [Recorded<Row>] {
            try connection.query(
                """
                SELECT s.key, r.sequence, b.captured_at, \(columns) FROM \(table) r
                JOIN blocks b ON b.source_id = r.source_id AND b.sequence = r.sequence JOIN sources s ON s.id = r.source_id
                WHERE r.source_id = ANY(ARRAY(SELECT id FROM sources)) AND r.resource_id = $1
                ORDER BY b.captured_at, s.key, r.sequence, r.ordinal
                """, binds(resource.rawValue)
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

    /// The packed verdicts that began by `sequence` as stored; the pairs that changed after it looked
    /// up in one statement, each by its last transition at or before it, else the checkpoint's
    /// baseline row. In one read-only transaction, so the table and the transitions agree.
    public func compliance(through sequence: Int, of times: BlockTimes, each visit: (Recorded<CurrentCompliance>) throws -> Void) throws {
        guard let sourceID = try sourceID(times.source) else { return }
        let through = Int64(sequence)
        try connection.reading {
            let removed = try connection.query(
                """
                SELECT DISTINCT t.resource_id, n.id FROM transitions t JOIN names n ON n.key = t.rule_id
                WHERE t.source_id = $1 AND t.sequence > $2 AND t.new_state IS NULL
                """, binds(sourceID, through)
            ) { (resource: $0.requiredText(0), rule: $0.integer(1)) }
            var asOf = PackedComplianceAsOf(current: try storedCompliance(sourceID: sourceID), through: through, removedLater: removed)
            if !asOf.changed.isEmpty {
                let baseline = times.baseline(through: sequence)
                var bindings = binds(sourceID, through, Int64(baseline?.checkpoint ?? -1), Int64(baseline?.prunedThrough ?? -1))
                bindings.append(asOf.changed.map(\.resource))
                bindings.append(asOf.changed.map(\.rule))
                var used = Set<Int64>()
                try connection.forEachRow(
                    """
                    SELECT p.resource_id, p.rule, found.since, coalesce(t.id, 0), found.state, coalesce(v.id, 0), coalesce(c.id, 0)
                    FROM unnest($5::text[], $6::bigint[]) AS p(resource_id, rule) JOIN names r ON r.id = p.rule
                    CROSS JOIN LATERAL (
                        SELECT * FROM (
                            (SELECT 0 AS pick, sequence AS since, resource_type, new_state AS state, rule_version_hash, checks FROM transitions
                             WHERE source_id = $1 AND resource_id = p.resource_id AND rule_id = r.key AND sequence <= $2
                             ORDER BY sequence DESC, ordinal DESC LIMIT 1)
                            UNION ALL
                            SELECT 1, $4, resource_type, state, rule_version_hash, checks FROM baseline_compliance
                            WHERE resource_id = p.resource_id AND source_id = $1 AND sequence = $3 AND rule_id = r.key
                        ) candidates ORDER BY pick LIMIT 1
                    ) found
                    LEFT JOIN names t ON t.key = found.resource_type LEFT JOIN names v ON v.key = found.rule_version_hash
                    LEFT JOIN names c ON c.key = found.checks
                    WHERE found.state IS NOT NULL
                    """, bindings
                ) { row in
                    let verdict = PackedComplianceStates.Verdict(
                        rule: row.integer(1), resourceType: row.integer(3), state: try Self.state(row.requiredText(4)), ruleVersion: row.integer(5),
                        checks: row.integer(6), since: row.integer(2))
                    used.formUnion([verdict.resourceType, verdict.ruleVersion, verdict.checks])
                    asOf.add(verdict, of: row.requiredText(0))
                }
                try names.load(used)
            }
            try asOf.visit(resourceID: { ResourceID($0) }, ruleText: names.text) { resourceID, verdict in
                let since = Int(verdict.since)
                try visit(Recorded(source: times.source, sequence: since, capturedAt: times.capturedAt(since),
                                   row: currentCompliance(verdict, of: resourceID)))
            }
        }
    }

    public func summaries(of rule: String) throws -> [Recorded<RuleSummary>] {
        try connection.query(
            """
            SELECT s.key, r.sequence, b.captured_at, r.rule_id, r.rule_version_hash, r.state, r.count FROM summaries r
            JOIN blocks b ON b.source_id = r.source_id AND b.sequence = r.sequence JOIN sources s ON s.id = r.source_id
            WHERE r.rule_id = $1 ORDER BY b.captured_at, s.key, r.ordinal
            """, binds(rule)
        ) { row in
            Recorded(source: HistorySource(rawValue: row.requiredText(0)), sequence: Int(row.integer(1)),
                     capturedAt: HistoryTime.date(milliseconds: row.integer(2)), row: try Self.summary(row, 3))
        }
    }

    private func binds(_ texts: String...) -> PostgresBindings {
        var binds = PostgresBindings()
        for text in texts { binds.append(text) }
        return binds
    }

    private func binds(_ numbers: Int64...) -> PostgresBindings {
        var binds = PostgresBindings()
        for number in numbers { binds.append(number) }
        return binds
    }

    // MARK: Row readers, shared by every query of a table

    private static func state(_ text: String) throws -> ComplianceState {
        guard let state = ComplianceState(rawValue: text) else {
            throw HistoryError(.storeUnavailable, "the store holds an unknown compliance state '\(text)'")
        }
        return state
    }

    private static func version(_ row: PostgreSQLRow) throws -> ConfigurationVersion { try version(row, 0) }
    private static func version(_ row: PostgreSQLRow, _ at: Int) throws -> ConfigurationVersion {
        let status = row.requiredText(at + 2)
        guard let parsed = ConfigurationVersion.Status(rawValue: status) else {
            throw HistoryError(.storeUnavailable, "the store holds an unknown version status '\(status)'")
        }
        return ConfigurationVersion(resourceID: ResourceID(row.requiredText(at)), resourceType: ResourceType(row.requiredText(at + 1)),
                                    status: parsed, configurationHash: row.requiredText(at + 3), configuration: row.text(at + 4))
    }

    private static func change(_ row: PostgreSQLRow) throws -> FieldChange { try change(row, 0) }
    private static func change(_ row: PostgreSQLRow, _ at: Int) throws -> FieldChange {
        FieldChange(resourceID: ResourceID(row.requiredText(at)), path: row.requiredText(at + 1), oldValue: row.text(at + 2), newValue: row.text(at + 3))
    }

    private static func transition(_ row: PostgreSQLRow) throws -> ComplianceTransition { try transition(row, 0) }
    private static func transition(_ row: PostgreSQLRow, _ at: Int) throws -> ComplianceTransition {
        ComplianceTransition(
            ruleID: row.requiredText(at), resourceID: ResourceID(row.requiredText(at + 1)), resourceType: ResourceType(row.requiredText(at + 2)),
            oldState: try row.text(at + 3).map(state), newState: try row.text(at + 4).map(state), ruleVersionHash: row.requiredText(at + 5),
            checks: row.requiredText(at + 6))
    }

    private static func summary(_ row: PostgreSQLRow) throws -> RuleSummary { try summary(row, 0) }
    private static func summary(_ row: PostgreSQLRow, _ at: Int) throws -> RuleSummary {
        RuleSummary(ruleID: row.requiredText(at), ruleVersionHash: row.requiredText(at + 1), state: try state(row.requiredText(at + 2)),
                    count: Int(row.integer(at + 3)))
    }

    private static func resource(_ row: PostgreSQLRow) throws -> CurrentResource { try resource(row, 0) }
    private static func resource(_ row: PostgreSQLRow, _ at: Int) throws -> CurrentResource {
        CurrentResource(resourceID: ResourceID(row.requiredText(at)), resourceType: ResourceType(row.requiredText(at + 1)),
                        configurationHash: row.requiredText(at + 2), configuration: row.requiredText(at + 3))
    }

    private static func compliance(_ row: PostgreSQLRow) throws -> CurrentCompliance { try compliance(row, 0) }
    private static func compliance(_ row: PostgreSQLRow, _ at: Int) throws -> CurrentCompliance {
        CurrentCompliance(
            key: ComplianceKey(ruleID: row.requiredText(at), resourceID: ResourceID(row.requiredText(at + 1))),
            resourceType: ResourceType(row.requiredText(at + 2)), state: try state(row.requiredText(at + 3)),
            ruleVersionHash: row.requiredText(at + 4), checks: row.requiredText(at + 5))
    }
}
