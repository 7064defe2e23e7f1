import Foundation
import TenetHistory
import TenetHistoryPostgreSQL
import Testing

/// The stores the contract suite runs against, all real: SQLite in memory and in a file, and a
/// database of its own on the PostgreSQL server `TENET_TEST_POSTGRES_URL` names.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqliteMemory = "SQLite in memory"
    case sqliteFile = "SQLite file"
    case postgreSQL = "PostgreSQL"

    var description: String { rawValue }

    func make() throws -> any HistoryStore {
        switch self {
        case .sqliteMemory: return try SQLiteHistoryStore.inMemory()
        case .sqliteFile: return try SQLiteHistoryStore(path: TemporaryDirectory.make().appendingPathComponent("history.db").path)
        case .postgreSQL:
            return try PostgreSQLHistoryStore(address: try PostgreSQLTestServer.newDatabase(on: try #require(PostgreSQLTestServer.address)))
        }
    }
}

/// A fresh directory under the system's temporary directory.
enum TemporaryDirectory {
    static func make() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-history-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
