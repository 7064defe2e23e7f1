import Foundation
import TenetHistoryPostgreSQL
import Testing

/// The PostgreSQL server the tests share: `scripts/test` starts a throw-away cluster and names it
/// in `TENET_TEST_POSTGRES_URL`. Each test takes a database of its own, so tests run in parallel.
enum PostgreSQLTestServer {
    static let address: PostgreSQLAddress? = ProcessInfo.processInfo.environment["TENET_TEST_POSTGRES_URL"].flatMap {
        try? PostgreSQLAddress(url: $0)
    }

    static let absence: Comment = "TENET_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against (scripts/test starts one)"

    /// A new, empty database on `server`.
    static func newDatabase(on server: PostgreSQLAddress) throws -> PostgreSQLAddress {
        let name = "tenet_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgreSQLConnection(address: server).execute("CREATE DATABASE \(name)")
        return server.database(name)
    }
}
