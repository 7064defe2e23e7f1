import Foundation
import TenetHistory
import TenetHistoryPostgreSQL

/// Where the history benchmark records: a new SQLite file, or a new database on the PostgreSQL
/// server `--store postgres://…` names, so figures are never taken on a store already holding
/// history. Both are removed at the end.
struct HistoryBenchmarkStore {
    let store: any HistoryStore
    /// What the store occupies on disk, in bytes.
    let size: () throws -> Int
    let remove: () -> Void

    static func open(server: String?) throws -> HistoryBenchmarkStore {
        guard let server else { return try sqlite() }
        let address = try PostgreSQLAddress(url: server)
        let name = "tenet_benchmark_\(getpid())"
        let administration = try PostgreSQLConnection(address: address)
        try administration.execute("CREATE DATABASE \(name)")
        let database = address.database(name)
        return HistoryBenchmarkStore(
            store: try PostgreSQLHistoryStore(address: database),
            size: {
                let sizes = try PostgreSQLConnection(address: database).query("SELECT pg_database_size(current_database())") { $0.integer(0) }
                return Int(sizes.first ?? 0)
            },
            remove: { try? administration.execute("DROP DATABASE \(name) WITH (FORCE)") })
    }

    private static func sqlite() throws -> HistoryBenchmarkStore {
        let directory = FileManager.default.temporaryDirectory.appending(path: "tenet-history-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appending(path: "history.db").path
        return HistoryBenchmarkStore(
            store: try SQLiteHistoryStore(path: path),
            size: {
                ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
                    + ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0)
            },
            remove: { try? FileManager.default.removeItem(at: directory) })
    }
}
