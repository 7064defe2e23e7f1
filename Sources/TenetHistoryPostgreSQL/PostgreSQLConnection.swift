import Foundation
import PostgresNIO
import TenetHistory

/// One postgres-nio connection behind a blocking face, because `HistoryStore` is synchronous.
///
/// Every call waits on an `EventLoopFuture` from the calling thread while the query runs on a
/// NIO event-loop thread, never on Swift's cooperative pool, so a caller that blocks a pool
/// thread (a synchronous Swift Testing test, the CLI) cannot starve the work it waits for.
/// Every failure becomes a `HistoryError` that names the server.
public final class PostgreSQLConnection {
    public let address: PostgreSQLAddress
    private let connection: PostgresConnection
    private let logger: Logger

    public init(address: PostgreSQLAddress) throws {
        self.address = address
        var logger = Logger(label: "tenet.history.postgresql")
        logger.logLevel = .critical
        self.logger = logger
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
            tls: .disable)
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger
            ).wait()
        } catch {
            throw HistoryError(.storeUnavailable, "cannot connect to the PostgreSQL history store \(address): \(Self.reason(error))")
        }
    }

    deinit { try? connection.close().wait() }

    /// Runs a statement and returns its rows, each read by `row`. Rows are taken one by one as
    /// they arrive: postgres-nio's collected result copies the rows gathered so far on every
    /// network read, which made reading a million rows take twenty seconds of CPU.
    public func query<T>(_ sql: String, _ binds: PostgresBindings = PostgresBindings(), row: (PostgreSQLRow) throws -> T) throws -> [T] {
        var rows: [T] = []
        try forEachRow(sql, binds) { rows.append(try row($0)) }
        return rows
    }

    /// Hands each row to `visit` in order, for a caller that passes them on rather than keeps them.
    public func forEachRow(_ sql: String, _ binds: PostgresBindings = PostgresBindings(), _ visit: (PostgreSQLRow) throws -> Void) throws {
        let received = ReceivedRows()
        _ = try wait(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) { received.rows.append($0) })
        for row in received.rows { try visit(PostgreSQLRow(row)) }
    }

    public func execute(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws {
        _ = try wait(send(sql, binds))
    }

    /// Sends a statement without waiting, so the caller can encode the next one meanwhile;
    /// statements on one connection run in the order sent.
    func send(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) -> EventLoopFuture<PostgresQueryResult> {
        connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
    }

    /// Waits for a statement's answer, or for the connection to close: postgres-nio can leave the
    /// statement in flight unanswered when the server goes away under it.
    func wait<Answer: Sendable>(_ future: EventLoopFuture<Answer>) throws -> Answer {
        let answer = future.eventLoop.makePromise(of: Answer.self)
        future.cascade(to: answer)
        connection.closeFuture.whenComplete { _ in answer.fail(ConnectionClosed()) }
        do {
            return try answer.futureResult.wait()
        } catch {
            throw HistoryError(.storeUnavailable, "the PostgreSQL history store \(address) failed: \(Self.reason(error))")
        }
    }

    /// Runs `body` in one transaction; rolls back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one read-only transaction whose statements all see one state of the store.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// The server's own message when it sent one, else what went wrong with the connection.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.detail].map { " (\($0))" } ?? "")
        }
        switch error.code {
        case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
        case .clientClosedConnection: return "the connection was closed"
        case .connectionError: return error.underlying.map { String(describing: $0) } ?? "cannot connect"
        default: return error.underlying.map { String(describing: $0) } ?? error.code.description
        }
    }
}

/// The rows of one statement: appended on the event loop, read once the statement completes.
private final class ReceivedRows: @unchecked Sendable {
    var rows: [PostgresRow] = []
}

private struct ConnectionClosed: Error, CustomStringConvertible {
    var description: String { "the server closed the connection" }
}

/// One result row, read by column position like `SQLiteStatement`'s columns. Columns arrive in
/// binary: text as UTF-8, integers as big-endian `bigint`.
public struct PostgreSQLRow {
    private let cells: [ByteBuffer?]

    init(_ row: PostgresRow) { cells = row.map(\.bytes) }

    public func integer(_ column: Int) -> Int64 { cells[column].flatMap { $0.getInteger(at: $0.readerIndex, as: Int64.self) } ?? 0 }

    public func text(_ column: Int) -> String? { cells[column].map { String(buffer: $0) } }

    /// A `bytea` column's bytes; empty for NULL.
    public func bytes(_ column: Int) -> [UInt8] { cells[column].map { Array($0.readableBytesView) } ?? [] }

    /// A NOT NULL text column; a NULL there means someone edited the store by hand.
    public func requiredText(_ column: Int) -> String { text(column) ?? "" }
}
