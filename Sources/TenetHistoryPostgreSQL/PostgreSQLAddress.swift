import Foundation
import TenetHistory

/// Where a PostgreSQL history store lives: `postgres://user[:password]@host[:port]/database`.
///
/// Only plain connections are supported (a loopback server, or a private network a team trusts);
/// a URL asking for TLS is refused rather than silently sent in the clear.
public struct PostgreSQLAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// Whether `location` is meant for PostgreSQL rather than an SQLite file.
    public static func isPostgreSQL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    public init(url text: String) throws {
        func invalid(_ why: String) -> HistoryError {
            HistoryError(.invalidInput, "'\(Self.redacted(text))' is not a PostgreSQL store address (postgres://user@host:port/database): \(why)")
        }
        guard Self.isPostgreSQL(text), let components = URLComponents(string: text) else { throw invalid("not a URL") }
        guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
        guard let user = components.user, !user.isEmpty else { throw invalid("no user") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw invalid("no database name") }
        for item in components.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("sslmode", "disable"?): continue
            case ("sslmode", _): throw invalid("TLS (sslmode=\(item.value ?? "")) is not supported; use sslmode=disable on a trusted network")
            default: throw invalid("unknown parameter '\(item.name)'")
            }
        }
        self.init(
            host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: components.port ?? 5432,
            user: user.removingPercentEncoding ?? user, password: components.password.map { $0.removingPercentEncoding ?? $0 },
            database: database.removingPercentEncoding ?? database)
    }

    /// The address without its password, for messages.
    public var description: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// The same server and credentials, another database: tests give each case a database of its own.
    public func database(_ name: String) -> PostgreSQLAddress {
        var address = self
        address.database = name
        return address
    }

    private static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
