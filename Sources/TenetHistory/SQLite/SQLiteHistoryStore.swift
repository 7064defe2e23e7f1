import Foundation
import TenetInventory
import TenetScan

/// The embedded default store: one SQLite file in WAL mode (or memory, for tests).
public final class SQLiteHistoryStore: HistoryStore {
    public static let schemaVersion = SQLiteSchema.migrations.count

    let connection: SQLiteConnection
    public let location: String
    /// Rule ids, resource types, rule version hashes and failing-check lists, by id.
    private let names: SQLiteNames
    private let resourceKeys: SQLiteNames

    /// Opens (creating when missing) the store at `path`, or an in-memory one for `":memory:"`,
    /// and brings its schema up to date.
    public init(path: String) throws {
        location = path
        if path != ":memory:" {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        connection = try SQLiteConnection(path: path)
        names = SQLiteNames(connection: connection, table: "names", indexesSuffixes: false)
        resourceKeys = SQLiteNames(connection: connection, table: "resources", indexesSuffixes: true)
        try migrate()
        if path != ":memory:" {
            // NORMAL is crash-safe in WAL mode: a crash loses at most the last commits, never the file.
            try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        // A first recording writes a million rows in one transaction; 256 MiB of cache keeps its
        // pages in memory instead of spilling them half-way and writing them again.
        try connection.execute("PRAGMA cache_size = -262144")
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
        try writing {
            let sourceID = try self.sourceID(source, create: true)!
            let stored = try storedCompliance(sourceID: sourceID)
            let previous = PreviousState(
                latest: try blocks(sourceID: sourceID, source: source, latestOnly: true).last,
                resources: Dictionary(try currentResources(sourceID: sourceID).map { ($0.resourceID, $0) }, uniquingKeysWith: { $1 }),
                compliance: try currentCompliance(stored) { compliance, _ in compliance })
            let prepared = try prepare(previous)
            let verdicts = try write(prepared, sourceID: sourceID)
            try applyDerived(prepared.content, verdicts: verdicts, sourceID: sourceID, compliance: stored)
            return prepared.block
        }
    }

    public func prune(source: HistorySource, removingThrough sequence: Int, checkpoint: PreparedBlock) throws {
        try writing {
            guard let sourceID = try sourceID(source, create: false) else {
                throw HistoryError(.notFound, "no history for source \(source)")
            }
            _ = try write(checkpoint, sourceID: sourceID)
            for table in ["blocks", "versions", "changes", "transitions", "summaries", "baseline_resources", "baseline_compliance"] {
                try connection.statement("DELETE FROM \(table) WHERE source_id = ? AND sequence <= ?")
                    .run([.integer(sourceID), .integer(Int64(sequence))])
            }
            try dateVerdicts(sourceID: sourceID, notBefore: Int64(sequence))
        }
    }

    /// States that began in pruned blocks now begin, as the checkpoint's baseline has them, at the
    /// last pruned block.
    private func dateVerdicts(sourceID: Int64, notBefore sequence: Int64) throws {
        let update = try connection.statement("UPDATE current_compliance SET states = ? WHERE source_id = ? AND resource = ?")
        for (resource, stored) in try storedCompliance(sourceID: sourceID) where stored.verdicts.contains(where: { $0.since < sequence }) {
            var states = stored
            for index in states.verdicts.indices { states.verdicts[index].since = max(states.verdicts[index].since, sequence) }
            try update.bind(states.encoded, at: 1)
            try update.bind(sourceID, at: 2)
            try update.bind(resource, at: 3)
            try update.execute()
        }
    }

    /// A write transaction; the names it added are forgotten when it rolls back.
    private func writing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try connection.transaction(body)
        } catch {
            names.forget()
            resourceKeys.forget()
            throw error
        }
    }

    private func sourceID(_ source: HistorySource, create: Bool) throws -> Int64? {
        if let id = try connection.query("SELECT id FROM sources WHERE key = ?", [.text(source.rawValue)], row: { $0.integer(0) }).first {
            return id
        }
        guard create else { return nil }
        try connection.statement("INSERT INTO sources (key) VALUES (?)").run([.text(source.rawValue)])
        return connection.lastInsertedRowID
    }

    /// Rows per statement of a bulk insert: enough that a statement's overhead is spread thin, few
    /// enough that its parameters stay far below SQLite's limit.
    private static let rowsPerInsert = 64

    /// One row's parameters in a multi-row insert: bound by their position in a single-row
    /// statement, shifted to where the row's values start.
    private struct RowPositions {
        let statement: SQLiteStatement
        let offset: Int32

        func bind(_ number: Int64, at position: Int32) throws { try statement.bind(number, at: offset + position) }
        func bind(_ text: String?, at position: Int32) throws { try statement.bind(text, at: offset + position) }
    }

    /// A transition as the current-compliance table applies it, by ids.
    private struct DerivedVerdict {
        var resource: Int64
        var rule: Int64
        var verdict: PackedComplianceStates.Verdict?
    }

    /// Writes the block and its rows; returns its transitions by ids, resolved once here.
    private func write(_ prepared: PreparedBlock, sourceID: Int64) throws -> [DerivedVerdict] {
        let block = prepared.block
        let content = prepared.content
        let sequence = Int64(block.sequence)
        try connection.statement(
            "INSERT INTO blocks (source_id, sequence, kind, captured_at, header, previous_digest, digest, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        ).run([.integer(sourceID), .integer(sequence), .text(block.kind.rawValue), .integer(HistoryTime.milliseconds(block.capturedAt)),
               .text(block.header), .text(block.previousDigest), .text(block.digest), .optional(block.signature)])

        /// Inserts one table's rows, `rowsPerInsert` to a statement (the rest one by one): a statement
        /// that inserts many rows keeps its b-tree cursors where the last row went, so appending the
        /// next costs no descent from the root, and runs its program once for all of them. `bind`
        /// binds a row's own columns from position 4 on, as in a single-row statement.
        func insert<Row>(_ table: String, _ columns: [String], _ rows: [Row], _ bind: (RowPositions, Row) throws -> Void) throws {
            guard !rows.isEmpty else { return }
            let width = Int32(columns.count + 3)
            let values = "(" + Array(repeating: "?", count: Int(width)).joined(separator: ", ") + ")"
            let insert = "INSERT INTO \(table) (source_id, sequence, ordinal, \(columns.joined(separator: ", "))) VALUES "
            let many = try connection.statement(insert + Array(repeating: values, count: Self.rowsPerInsert).joined(separator: ", "))
            let one = try connection.statement(insert + values)
            var start = 0
            while start < rows.count {
                let count = rows.count - start >= Self.rowsPerInsert ? Self.rowsPerInsert : 1
                let statement = count == 1 ? one : many
                for index in 0..<count {
                    let row = RowPositions(statement: statement, offset: Int32(index) * width)
                    try row.bind(sourceID, at: 1)
                    try row.bind(sequence, at: 2)
                    try row.bind(Int64(start + index), at: 3)
                    try bind(row, rows[start + index])
                }
                try statement.execute()
                start += count
            }
        }
        try insert("versions", ["resource", "resource_type", "status", "configuration_hash", "configuration"], content.versions) { statement, row in
            try statement.bind(try resourceKeys.id(row.resourceID.rawValue), at: 4)
            try statement.bind(try names.id(row.resourceType.rawValue), at: 5)
            try statement.bind(row.status.rawValue, at: 6)
            try statement.bind(row.configurationHash, at: 7)
            try statement.bind(row.configuration, at: 8)
        }
        try insert("changes", ["resource", "path", "old_value", "new_value"], content.changes) { statement, row in
            try statement.bind(try resourceKeys.id(row.resourceID.rawValue), at: 4)
            try statement.bind(row.path, at: 5)
            try statement.bind(row.oldValue, at: 6)
            try statement.bind(row.newValue, at: 7)
        }
        var verdicts: [DerivedVerdict] = []
        verdicts.reserveCapacity(content.transitions.count)
        var transitionNames = TransitionNames()
        var lastResource: (key: String, id: Int64)?
        try insert("transitions", ["rule", "resource", "resource_type", "old_state", "new_state", "rule_version", "checks"],
                   content.transitions) { statement, row in
            let ids = try transitionNames.ids(of: row, names.id)
            if lastResource?.key != row.resourceID.rawValue { lastResource = (row.resourceID.rawValue, try resourceKeys.id(row.resourceID.rawValue)) }
            let resource = lastResource!.id
            try statement.bind(ids.rule, at: 4)
            try statement.bind(resource, at: 5)
            try statement.bind(ids.resourceType, at: 6)
            try statement.bind(row.oldState?.rawValue, at: 7)
            try statement.bind(row.newState?.rawValue, at: 8)
            try statement.bind(ids.ruleVersion, at: 9)
            try statement.bind(ids.checks, at: 10)
            verdicts.append(DerivedVerdict(resource: resource, rule: ids.rule, verdict: row.newState.map { state in
                PackedComplianceStates.Verdict(
                    rule: ids.rule, resourceType: ids.resourceType, state: state, ruleVersion: ids.ruleVersion, checks: ids.checks, since: sequence)
            }))
        }
        try insert("summaries", ["rule", "rule_version", "state", "count"], content.summaries) { statement, row in
            try statement.bind(try names.id(row.ruleID), at: 4)
            try statement.bind(try names.id(row.ruleVersionHash), at: 5)
            try statement.bind(row.state.rawValue, at: 6)
            try statement.bind(Int64(row.count), at: 7)
        }
        try insert("baseline_resources", ["resource", "resource_type", "configuration_hash", "configuration"], content.baselineResources) {
            statement, row in
            try statement.bind(try resourceKeys.id(row.resourceID.rawValue), at: 4)
            try statement.bind(try names.id(row.resourceType.rawValue), at: 5)
            try statement.bind(row.configurationHash, at: 6)
            try statement.bind(row.configuration, at: 7)
        }
        try insert("baseline_compliance", ["rule", "resource", "resource_type", "state", "rule_version", "checks"], content.baselineCompliance) {
            statement, row in
            try statement.bind(try names.id(row.key.ruleID), at: 4)
            try statement.bind(try resourceKeys.id(row.key.resourceID.rawValue), at: 5)
            try statement.bind(try names.id(row.resourceType.rawValue), at: 6)
            try statement.bind(row.state.rawValue, at: 7)
            try statement.bind(try names.id(row.ruleVersionHash), at: 8)
            try statement.bind(try names.id(row.checks), at: 9)
        }
        return verdicts
    }

    /// Keeps the speed tables equal to `DerivedState` applied to the covered rows; `compliance` is
    /// the current-compliance table as the block found it, `verdicts` the block's transitions.
    private func applyDerived(
        _ content: BlockContent, verdicts: [DerivedVerdict], sourceID: Int64, compliance: [Int64: PackedComplianceStates]
    ) throws {
        let upsertResource = try connection.statement(
            "INSERT OR REPLACE INTO current_resources (source_id, resource, resource_type, configuration_hash, configuration) VALUES (?, ?, ?, ?, ?)")
        let deleteResource = try connection.statement("DELETE FROM current_resources WHERE source_id = ? AND resource = ?")
        for version in content.versions {
            let resource = try resourceKeys.id(version.resourceID.rawValue)
            if version.status == .deleted {
                try deleteResource.run([.integer(sourceID), .integer(resource)])
            } else {
                try upsertResource.run([.integer(sourceID), .integer(resource), .integer(try names.id(version.resourceType.rawValue)),
                                        .text(version.configurationHash), .text(version.configuration ?? "null")])
            }
        }
        // Transitions come resource by resource: each run of one resource updates its row once.
        var changed: [Int64: PackedComplianceStates] = [:]
        var start = 0
        while start < verdicts.count {
            let resource = verdicts[start].resource
            var states = changed[resource] ?? compliance[resource] ?? PackedComplianceStates()
            var end = start
            while end < verdicts.count, verdicts[end].resource == resource {
                states.set(rule: verdicts[end].rule, to: verdicts[end].verdict)
                end += 1
            }
            changed[resource] = states
            start = end
        }
        let upsertCompliance = try connection.statement("INSERT OR REPLACE INTO current_compliance (source_id, resource, states) VALUES (?, ?, ?)")
        let deleteCompliance = try connection.statement("DELETE FROM current_compliance WHERE source_id = ? AND resource = ?")
        for (resource, states) in changed.sorted(by: { $0.key < $1.key }) {
            if states.verdicts.isEmpty {
                try deleteCompliance.run([.integer(sourceID), .integer(resource)])
            } else {
                try upsertCompliance.bind(sourceID, at: 1)
                try upsertCompliance.bind(resource, at: 2)
                try upsertCompliance.bind(states.encoded, at: 3)
                try upsertCompliance.execute()
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
        content.versions = try connection.query("SELECT \(Self.versionColumns) FROM versions \(scope)", key) { try version($0, 0) }
        content.changes = try connection.query("SELECT \(Self.changeColumns) FROM changes \(scope)", key) { try change($0, 0) }
        content.transitions = try connection.query("SELECT \(Self.transitionColumns) FROM transitions \(scope)", key) { try transition($0, 0) }
        content.summaries = try connection.query("SELECT \(Self.summaryColumns) FROM summaries \(scope)", key) { try summary($0, 0) }
        content.baselineResources = try connection.query("SELECT \(Self.resourceColumns) FROM baseline_resources \(scope)", key) {
            try resource($0, 0)
        }
        content.baselineCompliance = try connection.query("SELECT \(Self.complianceColumns) FROM baseline_compliance \(scope)", key) {
            try compliance($0, 0)
        }
        return content
    }

    public func currentResources(of source: HistorySource) throws -> [CurrentResource] {
        guard let sourceID = try sourceID(source, create: false) else { return [] }
        return try currentResources(sourceID: sourceID)
    }

    private func currentResources(sourceID: Int64) throws -> [CurrentResource] {
        try connection.query("SELECT \(Self.resourceColumns) FROM current_resources WHERE source_id = ?", [.integer(sourceID)]) {
            try resource($0, 0)
        }.sorted { $0.resourceID < $1.resourceID }
    }

    public func currentCompliance(of source: HistorySource) throws -> [CurrentVerdict] {
        guard let sourceID = try sourceID(source, create: false) else { return [] }
        return try currentCompliance(try storedCompliance(sourceID: sourceID)) { CurrentVerdict(compliance: $0, since: Int($1)) }
    }

    /// The current-compliance table's rows, by resource id.
    private func storedCompliance(sourceID: Int64) throws -> [Int64: PackedComplianceStates] {
        var stored: [Int64: PackedComplianceStates] = [:]
        let statement = try connection.statement("SELECT resource, states FROM current_compliance WHERE source_id = ?")
        try statement.bind([.integer(sourceID)])
        defer { statement.reset() }
        while try statement.step() {
            stored[statement.integer(0)] = try PackedComplianceStates(decoding: statement.blob(1))
        }
        return stored
    }

    /// The stored verdicts as `make` builds them from each one and the block it began in.
    private func currentCompliance<Verdict>(
        _ stored: [Int64: PackedComplianceStates], _ make: (CurrentCompliance, Int64) -> Verdict
    ) throws -> [Verdict] {
        var compliance: [Verdict] = []
        compliance.reserveCapacity(stored.values.reduce(0) { $0 + $1.verdicts.count })
        for (resource, states) in stored {
            let resourceID = ResourceID(try resourceKeys.text(resource))
            for verdict in states.verdicts {
                compliance.append(make(try currentCompliance(verdict, of: resourceID), verdict.since))
            }
        }
        return compliance
    }

    private func currentCompliance(_ verdict: PackedComplianceStates.Verdict, of resourceID: ResourceID) throws -> CurrentCompliance {
        CurrentCompliance(
            key: ComplianceKey(ruleID: try names.text(verdict.rule), resourceID: resourceID),
            resourceType: ResourceType(try names.text(verdict.resourceType)), state: verdict.state,
            ruleVersionHash: try names.text(verdict.ruleVersion), checks: try names.text(verdict.checks))
    }

    public func resourceIDs(endingWith name: String) throws -> [ResourceID] {
        let reversed = SQLiteNames.reversed(name)
        return try connection.query(
            "SELECT key FROM resources WHERE reversed_key >= ? AND reversed_key < ? ORDER BY key", [.text(reversed), .text(reversed + "\u{10FFFF}")]
        ) { ResourceID($0.requiredText(0)) }
    }

    public func history(of resource: ResourceID) throws -> ResourceHistory {
        var history = ResourceHistory()
        guard let id = try resourceKeys.existingID(resource.rawValue) else { return history }
        // `source_id IN` lets SQLite seek `transitions_by_resource`, which starts with the source.
        func recorded<Row>(_ table: String, _ columns: String, _ read: (SQLiteStatement, Int32) throws -> Row) throws -> [Recorded<Row>] {
            try connection.query(
                """
                SELECT s.key, r.sequence, b.captured_at, \(columns) FROM \(table) r
                JOIN blocks b ON b.source_id = r.source_id AND b.sequence = r.sequence JOIN sources s ON s.id = r.source_id
                WHERE r.source_id IN (SELECT id FROM sources) AND r.resource = ? ORDER BY b.captured_at, s.key, r.sequence, r.ordinal
                """, [.integer(id)]
            ) { row in
                Recorded(source: HistorySource(rawValue: row.requiredText(0)), sequence: Int(row.integer(1)),
                         capturedAt: HistoryTime.date(milliseconds: row.integer(2)), row: try read(row, 3))
            }
        }
        history.versions = try recorded("versions", Self.versionColumns, version)
        history.changes = try recorded("changes", Self.changeColumns, change)
        history.transitions = try recorded("transitions", Self.transitionColumns, transition)
        history.baselines = try recorded("baseline_resources", Self.resourceColumns, self.resource)
        history.baselineCompliance = try recorded("baseline_compliance", Self.complianceColumns, compliance)
        return history
    }

    public func compliance(through sequence: Int, of times: BlockTimes, each visit: (Recorded<CurrentCompliance>) throws -> Void) throws {
        try connection.reading { try compliance(through: Int64(sequence), of: times, each: visit) }
    }

    private func compliance(through: Int64, of times: BlockTimes, each visit: (Recorded<CurrentCompliance>) throws -> Void) throws {
        guard let sourceID = try sourceID(times.source, create: false) else { return }
        let removed = try connection.query(
            "SELECT DISTINCT resource, rule FROM transitions INDEXED BY transitions_removing WHERE source_id = ? AND sequence > ? AND new_state IS NULL",
            [.integer(sourceID), .integer(through)]
        ) { (resource: $0.integer(0), rule: $0.integer(1)) }
        var asOf = PackedComplianceAsOf(current: try storedCompliance(sourceID: sourceID), through: through, removedLater: removed)
        let baseline = times.baseline(through: Int(through))
        for pair in asOf.changed {
            if let verdict = try verdict(of: pair, sourceID: sourceID, through: through, baseline: baseline) {
                asOf.add(verdict, of: pair.resource)
            }
        }
        try asOf.visit(resourceID: { ResourceID(try resourceKeys.text($0)) }, ruleText: names.text) { resourceID, verdict in
            let since = Int(verdict.since)
            try visit(Recorded(source: times.source, sequence: since, capturedAt: times.capturedAt(since),
                               row: try currentCompliance(verdict, of: resourceID)))
        }
    }

    /// The pair's verdict as of block `through`: its last transition at or before it, else the
    /// baseline's; nil when it had none then.
    private func verdict(
        of pair: (resource: Int64, rule: Int64), sourceID: Int64, through: Int64, baseline: BlockTimes.Baseline?
    ) throws -> PackedComplianceStates.Verdict? {
        let last = try connection.statement(
            """
            SELECT sequence, resource_type, new_state, rule_version, checks FROM transitions INDEXED BY transitions_by_resource
            WHERE source_id = ? AND resource = ? AND rule = ? AND sequence <= ? ORDER BY sequence DESC LIMIT 1
            """)
        try last.bind(sourceID, at: 1)
        try last.bind(pair.resource, at: 2)
        try last.bind(pair.rule, at: 3)
        try last.bind(through, at: 4)
        defer { last.reset() }
        if try last.step() {
            return try Self.state(last, 2).map { state in
                PackedComplianceStates.Verdict(rule: pair.rule, resourceType: last.integer(1), state: state, ruleVersion: last.integer(3),
                                               checks: last.integer(4), since: last.integer(0))
            }
        }
        guard let baseline else { return nil }
        let kept = try connection.statement(
            """
            SELECT resource_type, state, rule_version, checks FROM baseline_compliance
            WHERE resource = ? AND source_id = ? AND sequence = ? AND rule = ?
            """)
        try kept.bind([.integer(pair.resource), .integer(sourceID), .integer(Int64(baseline.checkpoint)), .integer(pair.rule)])
        defer { kept.reset() }
        guard try kept.step() else { return nil }
        return PackedComplianceStates.Verdict(rule: pair.rule, resourceType: kept.integer(0), state: try Self.requiredState(kept, 1),
                                              ruleVersion: kept.integer(2), checks: kept.integer(3), since: Int64(baseline.prunedThrough))
    }

    public func summaries(of rule: String) throws -> [Recorded<RuleSummary>] {
        guard let id = try names.existingID(rule) else { return [] }
        return try connection.query(
            """
            SELECT s.key, r.sequence, b.captured_at, \(Self.summaryColumns) FROM summaries r
            JOIN blocks b ON b.source_id = r.source_id AND b.sequence = r.sequence JOIN sources s ON s.id = r.source_id
            WHERE r.rule = ? ORDER BY b.captured_at, s.key, r.ordinal
            """, [.integer(id)]
        ) { row in
            Recorded(source: HistorySource(rawValue: row.requiredText(0)), sequence: Int(row.integer(1)),
                     capturedAt: HistoryTime.date(milliseconds: row.integer(2)), row: try summary(row, 3))
        }
    }

    // MARK: Row readers, shared by every query of a table

    private static let versionColumns = "resource, resource_type, status, configuration_hash, configuration"
    private static let changeColumns = "resource, path, old_value, new_value"
    private static let transitionColumns = "rule, resource, resource_type, old_state, new_state, rule_version, checks"
    private static let summaryColumns = "rule, rule_version, state, count"
    private static let resourceColumns = "resource, resource_type, configuration_hash, configuration"
    private static let complianceColumns = "rule, resource, resource_type, state, rule_version, checks"

    /// A state column, compared in place with the few texts a state can be: `compliance --at`
    /// reads two per transition, a million of them, without making a string of either.
    private static func state(_ row: SQLiteStatement, _ column: Int32) throws -> ComplianceState? {
        try row.withText(column) { bytes in
            guard let bytes else { return nil }
            for (state, text) in stateTexts where text.elementsEqual(bytes) { return state }
            throw HistoryError(.storeUnavailable, "the store holds an unknown compliance state '\(String(decoding: bytes, as: UTF8.self))'")
        }
    }

    private static func requiredState(_ row: SQLiteStatement, _ column: Int32) throws -> ComplianceState {
        guard let state = try state(row, column) else {
            throw HistoryError(.storeUnavailable, "the store holds a compliance state that is NULL")
        }
        return state
    }

    private static let stateTexts = ComplianceState.allCases.map { ($0, Array($0.rawValue.utf8)) }

    private func name(_ row: SQLiteStatement, _ column: Int32) throws -> String { try names.text(row.integer(column)) }
    private func resourceID(_ row: SQLiteStatement, _ column: Int32) throws -> ResourceID { ResourceID(try resourceKeys.text(row.integer(column))) }
    private func resourceType(_ row: SQLiteStatement, _ column: Int32) throws -> ResourceType { ResourceType(try names.text(row.integer(column))) }

    private func version(_ row: SQLiteStatement, _ at: Int32) throws -> ConfigurationVersion {
        let status = row.requiredText(at + 2)
        guard let parsed = ConfigurationVersion.Status(rawValue: status) else {
            throw HistoryError(.storeUnavailable, "the store holds an unknown version status '\(status)'")
        }
        return ConfigurationVersion(resourceID: try resourceID(row, at), resourceType: try resourceType(row, at + 1),
                                    status: parsed, configurationHash: row.requiredText(at + 3), configuration: row.text(at + 4))
    }

    private func change(_ row: SQLiteStatement, _ at: Int32) throws -> FieldChange {
        FieldChange(resourceID: try resourceID(row, at), path: row.requiredText(at + 1), oldValue: row.text(at + 2), newValue: row.text(at + 3))
    }

    private func transition(_ row: SQLiteStatement, _ at: Int32) throws -> ComplianceTransition {
        ComplianceTransition(
            ruleID: try name(row, at), resourceID: try resourceID(row, at + 1), resourceType: try resourceType(row, at + 2),
            oldState: try Self.state(row, at + 3), newState: try Self.state(row, at + 4), ruleVersionHash: try name(row, at + 5),
            checks: try name(row, at + 6))
    }

    private func summary(_ row: SQLiteStatement, _ at: Int32) throws -> RuleSummary {
        RuleSummary(ruleID: try name(row, at), ruleVersionHash: try name(row, at + 1), state: try Self.requiredState(row, at + 2),
                    count: Int(row.integer(at + 3)))
    }

    private func resource(_ row: SQLiteStatement, _ at: Int32) throws -> CurrentResource {
        CurrentResource(resourceID: try resourceID(row, at), resourceType: try resourceType(row, at + 1),
                        configurationHash: row.requiredText(at + 2), configuration: row.requiredText(at + 3))
    }

    private func compliance(_ row: SQLiteStatement, _ at: Int32) throws -> CurrentCompliance {
        CurrentCompliance(
            key: ComplianceKey(ruleID: try name(row, at), resourceID: try resourceID(row, at + 1)),
            resourceType: try resourceType(row, at + 2), state: try Self.requiredState(row, at + 3),
            ruleVersionHash: try name(row, at + 4), checks: try name(row, at + 5))
    }
}
