import ArgumentParser
import TenetDocument
import TenetHistory

struct HistoryDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "The field changes of a resource's configuration between two times.",
        discussion: """
            Examples:
              tenet history diff logs --from 2026-03-01 --to 2026-03-03T12:00:00Z
            """
    )

    @Argument(help: "The resource: its id, or a unique suffix.")
    var resource: String

    @Option(help: "The earlier time (RFC 3339).")
    var from: HistoryTimeArgument

    @Option(help: "The later time (RFC 3339).")
    var to: HistoryTimeArgument

    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var output: HistoryFormatOption

    func run() throws {
        try store.run { store in
            let queries = HistoryQueries(store: store)
            let id = try queries.resolve(resource)
            let changes = try queries.diff(of: id, from: from.date, to: to.date)
            output.write(
                text: {
                    changes.isEmpty
                        ? "no changes\n"
                        : changes.map { "\($0.path): \($0.oldValue ?? "(absent)") -> \($0.newValue ?? "(absent)")\n" }.joined()
                },
                json: {
                    ["resource": .string(id.rawValue), "from": HistoryJSON.time(from.date), "to": HistoryJSON.time(to.date),
                     "changes": .list(changes.map(HistoryJSON.change))]
                })
        }
    }
}
