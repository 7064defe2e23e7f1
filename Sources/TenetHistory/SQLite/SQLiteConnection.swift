import CSQLite
import Foundation

/// A minimal, typed face over the SQLite C API: statements, bindings, rows and transactions,
/// with every failure turned into a `HistoryError` that names the store.
final class SQLiteConnection {
    private let handle: OpaquePointer
    let location: String
    /// Prepared once, reused for every row and every call.
    private var statements: [String: SQLiteStatement] = [:]

    init(path: String) throws {
        location = path
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw HistoryError(.storeUnavailable, "cannot open the history store \(path): \(message)")
        }
        self.handle = handle
        sqlite3_busy_timeout(handle, 30_000)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        if status != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_free(error)
            throw failure(message, status: status)
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(lastMessage, status: status) }
        return SQLiteStatement(statement: statement, connection: self)
    }

    /// The prepared statement for `sql`, prepared on first use. Callers reset it when they stop
    /// reading before its last row, so it holds no read snapshot open.
    func statement(_ sql: String) throws -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Rows of a query, each read by `row`.
    func query<T>(_ sql: String, _ arguments: [SQLiteValue] = [], row: (SQLiteStatement) throws -> T) throws -> [T] {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        var rows: [T] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in one write transaction, taken at once so concurrent recorders queue instead
    /// of failing half-way; rolls back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one read transaction: its statements see one state of the store, and take
    /// the file's shared lock once rather than once each (a lock is two system calls, and an
    /// as-of query runs a statement per changed pair).
    func reading<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func failure(_ message: String, status: Int32) -> HistoryError {
        switch status & 0xFF {
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            HistoryError(.storeUnavailable, "the history store \(location) is corrupt or not a Tenet history store: \(message)")
        default:
            HistoryError(.storeUnavailable, "the history store \(location) failed: \(message)")
        }
    }
}

/// A value bound to or read from a statement.
enum SQLiteValue {
    case integer(Int64)
    case text(String)
    case null

    static func optional(_ text: String?) -> SQLiteValue { text.map(SQLiteValue.text) ?? .null }
}

/// One prepared statement; reused across rows for bulk inserts.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(statement)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let status: Int32 = switch value {
            case .integer(let number): sqlite3_bind_int64(statement, position, number)
            case .text(let text): sqlite3_bind_text(statement, position, text, -1, Self.transient)
            case .null: sqlite3_bind_null(statement, position)
            }
            guard status == SQLITE_OK else { throw connection.failure(connection.lastMessage, status: status) }
        }
    }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: [SQLiteValue]) throws {
        try bind(values)
        while try step() {}
    }

    /// Binding one parameter at a time, for bulk inserts: no array of values per row.
    func bind(_ number: Int64, at position: Int32) throws {
        try check(sqlite3_bind_int64(statement, position, number))
    }

    func bind(_ text: String?, at position: Int32) throws {
        guard let text else { return try check(sqlite3_bind_null(statement, position)) }
        try check(sqlite3_bind_text(statement, position, text, -1, Self.transient))
    }

    func bind(_ bytes: [UInt8], at position: Int32) throws {
        try check(bytes.withUnsafeBytes { sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), Self.transient) })
    }

    /// Runs a statement whose parameters were bound one at a time, and readies it for the next row.
    func execute() throws {
        defer { reset() }
        while try step() {}
    }

    func reset() { sqlite3_reset(statement) }

    private func check(_ status: Int32) throws {
        guard status == SQLITE_OK else { throw connection.failure(connection.lastMessage, status: status) }
    }

    /// Advances to the next row; false when done.
    func step() throws -> Bool {
        let status = sqlite3_step(statement)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure(connection.lastMessage, status: status)
        }
    }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: pointer)
    }

    /// A text column's bytes in place, nil for NULL; valid only inside `body`.
    func withText<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        guard let pointer = sqlite3_column_text(statement, column) else { return try body(nil) }
        return try body(UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column))))
    }

    /// A NOT NULL text column; a NULL there means someone edited the store by hand.
    func requiredText(_ column: Int32) -> String { text(column) ?? "" }

    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let pointer = sqlite3_column_blob(statement, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
