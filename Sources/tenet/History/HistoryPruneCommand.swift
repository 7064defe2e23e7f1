import ArgumentParser
import Foundation
import TenetDocument
import TenetHistory

struct HistoryPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove versions and transitions older than an age, keeping each resource's current state.",
        discussion: """
            A checkpoint block (signed with --signing-key) keeps the state as of the last removed block, \
            so the remaining chain still verifies.

            Examples:
              tenet history prune --older-than 400d --signing-key tenet.key
            """
    )

    @Option(help: "The age beyond which history is removed (400d, 12h).")
    var olderThan: String

    @Option(help: "An Ed25519 signing key file to sign the checkpoint.")
    var signingKey: String?

    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var output: HistoryFormatOption

    func run() throws {
        try store.run { store in
            let cutoff = Date().addingTimeInterval(-(try HistoryTime.parseAge(olderThan)))
            let key = try signingKey.map(HistorySigningKey.init(contentsOf:))
            let reports = try HistoryPruner(store: store, signingKey: key).prune(before: cutoff)
            output.write(
                text: {
                    reports.map { "\($0.source)  removed \($0.removedBlocks) blocks; checkpoint \($0.checkpoint.sequence) \($0.checkpoint.digest)\n" }
                        .joined() + "pruned history before \(HistoryTime.format(cutoff))\n"
                },
                json: {
                    ["before": HistoryJSON.time(cutoff), "sources": .list(reports.map {
                        ["source": .string($0.source.rawValue), "removedBlocks": .int(Int64($0.removedBlocks)),
                         "checkpoint": .int(Int64($0.checkpoint.sequence)), "digest": .string($0.checkpoint.digest)]
                    })]
                })
        }
    }
}
