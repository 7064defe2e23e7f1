import Foundation
import TenetHistoryPostgreSQL

/// A PostgreSQL cluster of a test's own, for tests that stop the server: started, stopped and
/// removed with `scripts/postgres-cluster`, the script `scripts/test` uses for the shared one.
final class PostgreSQLCluster {
    let directory: URL
    private(set) var address: PostgreSQLAddress

    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/postgres-cluster")

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-postgres-\(UUID().uuidString)")
        address = PostgreSQLAddress(host: "127.0.0.1", user: "tenet", database: "postgres")
        try start()
    }

    /// Starts the cluster, or restarts it on its port after `stop`.
    func start() throws {
        let url = try Self.run("start", directory.path).trimmingCharacters(in: .whitespacesAndNewlines)
        address = try PostgreSQLAddress(url: url)
    }

    /// `pg_ctl stop -m immediate`: the server exits at once, as in a crash.
    func crash() throws {
        _ = try Self.run("stop", directory.path, "immediate")
    }

    deinit { _ = try? Self.run("remove", directory.path) }

    private static func run(_ arguments: String...) throws -> String {
        // initdb on a busy machine can take a while.
        let outcome = try ChildProcess.run(script, arguments, seconds: 180)
        guard outcome.status == 0 else {
            throw Failure(message: "postgres-cluster \(arguments.joined(separator: " ")) exited with \(outcome.status): \(outcome.standardError)")
        }
        return outcome.standardOutput
    }

    struct Failure: Error { var message: String }
}
