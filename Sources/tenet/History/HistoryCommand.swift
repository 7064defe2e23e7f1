import ArgumentParser
import Foundation
import TenetDocument
import TenetHistory
import TenetHistoryPostgreSQL

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Query and verify the recorded configuration and compliance history.",
        discussion: """
            The history store is ~/.tenet/history.db unless --store names another file or a \
            PostgreSQL database (postgres://user@host:port/database) shared by several scanners.

            Examples:
              tenet history timeline logs                 A bucket's changes and verdicts
              tenet history compliance --at 2026-03-03    Every verdict as of that day
              tenet history verify --public-key tenet.pub Check the chains and signatures
            """,
        subcommands: [
            HistoryRecordCommand.self, HistoryTimelineCommand.self, HistoryDiffCommand.self, HistoryComplianceCommand.self, HistoryRuleCommand.self,
            HistoryHeadCommand.self, HistoryVerifyCommand.self, HistoryPruneCommand.self, HistoryKeygenCommand.self,
        ]
    )
}

/// `--store`: which history store a command reads or writes.
struct HistoryStoreOption: ParsableArguments {
    @Option(help: "The history store: an SQLite file (default ~/.tenet/history.db) or postgres://user@host:port/database.")
    var store: String?

    static var defaultPath: String {
        FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".tenet/history.db").path
    }

    func open() throws -> any HistoryStore {
        let location = store ?? Self.defaultPath
        if PostgreSQLAddress.isPostgreSQL(location) {
            return try PostgreSQLHistoryStore(url: location)
        }
        return try SQLiteHistoryStore(path: location)
    }

    /// Opens the store and runs `body`, reporting a `HistoryError` as one line on standard error
    /// and exit code 2.
    func run(_ body: (any HistoryStore) throws -> Void) throws {
        do {
            try body(try open())
        } catch let error as HistoryError {
            StandardStreams.writeError("error: \(error.message)")
            throw ExitStatus.usageOrInputError
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `--format`, and writing a command's answer in it.
struct HistoryFormatOption: ParsableArguments {
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// Writes `text()` or the pretty JSON of `json()`, whichever was asked for.
    func write(text: () -> String, json: () -> Value) {
        switch format {
        case .text: StandardStreams.write(text())
        case .json: writeJSON(json())
        }
    }

    /// Writes the pretty JSON of `json`, for a command whose text form is streamed instead.
    func writeJSON(_ json: Value) {
        StandardStreams.write(JSONWriter(style: .pretty).string(for: Document(value: json).root) + "\n")
    }
}

/// Parsing an RFC 3339 time argument, for ArgumentParser.
struct HistoryTimeArgument: ExpressibleByArgument {
    var date: Date

    init?(argument: String) {
        guard let date = try? HistoryTime.parse(argument) else { return nil }
        self.date = date
    }

    static var defaultValueDescription: String { "RFC 3339 time" }
}

/// JSON forms shared by the history commands' outputs.
enum HistoryJSON {
    static func time(_ date: Date) -> Value { .string(HistoryTime.format(date)) }

    static func optional(_ text: String?) -> Value { text.map(Value.string) ?? .null }

    /// A stored JSON text (a configuration, a value, the checks) embedded as JSON, not as a string.
    static func embedded(_ text: String?) -> Value {
        guard let text else { return .null }
        return (try? JSONLoader().load(SourceText(name: "<history>", bytes: Array(text.utf8))).root.value) ?? .string(text)
    }

    static func change(_ change: FieldChange) -> Value {
        ["path": .string(change.path), "old": embedded(change.oldValue), "new": embedded(change.newValue)]
    }
}
