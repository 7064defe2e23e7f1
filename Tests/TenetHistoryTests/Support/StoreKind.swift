import Foundation
import TenetHistory

/// The stores the contract suite runs against, all real: SQLite in memory and in a file.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqliteMemory = "SQLite in memory"
    case sqliteFile = "SQLite file"

    var description: String { rawValue }

    func make() throws -> any HistoryStore {
        switch self {
        case .sqliteMemory: try SQLiteHistoryStore.inMemory()
        case .sqliteFile: try SQLiteHistoryStore(path: TemporaryDirectory.make().appendingPathComponent("history.db").path)
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
