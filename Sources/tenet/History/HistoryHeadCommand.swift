import ArgumentParser
import TenetDocument
import TenetHistory

struct HistoryHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print each chain's latest block digest, to publish elsewhere (a ticket, a CI log).",
        discussion: """
            `tenet history verify --head DIGEST` later detects blocks removed from the end.
            """
    )

    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var output: HistoryFormatOption

    func run() throws {
        try store.run { store in
            let heads = try store.sources().compactMap { source in try store.blocks(of: source).last }
            output.write(
                text: { heads.map { "\($0.source)  \($0.sequence)  \(HistoryTime.format($0.capturedAt))  \($0.digest)\n" }.joined() },
                json: {
                    .list(heads.map { ["source": .string($0.source.rawValue), "sequence": .int(Int64($0.sequence)),
                                       "time": HistoryJSON.time($0.capturedAt), "digest": .string($0.digest)] })
                })
        }
    }
}
