import ArgumentParser
import TenetDocument
import TenetHistory

struct HistoryVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk every hash chain and name the first block whose content, link or signature does not match.",
        discussion: """
            Exit codes: 0 verified, 1 tampered, 2 usage or input error.

            Examples:
              tenet history verify
              tenet history verify --head 3f1c… --public-key tenet.pub
            """
    )

    @Option(help: "A digest published earlier with `history head` (repeatable); it must still be in a chain.")
    var head: [String] = []

    @Option(help: "An Ed25519 public key file; every block must be signed by its private key.")
    var publicKey: String?

    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var output: HistoryFormatOption

    func run() throws {
        var verified = false
        try store.run { store in
            let key = try publicKey.map(HistoryPublicKey.init(contentsOf:))
            let report = try ChainVerifier(store: store, publicKey: key).verify(heads: head)
            verified = report.verified
            output.write(
                text: {
                    var text = report.sources.map { source in
                        "\(source.source)  \(source.blocks) blocks  " + (source.problem.map { "TAMPERED: \($0)" } ?? "verified") + "\n"
                    }.joined()
                    text += report.missingHeads.map { "TAMPERED: published head \($0) is in no chain (blocks removed or rewritten)\n" }.joined()
                    return text + (report.verified ? "verified\n" : "tampered\n")
                },
                json: {
                    ["verified": .bool(report.verified), "signaturesChecked": .bool(key != nil),
                     "sources": .list(report.sources.map { source in
                         ["source": .string(source.source.rawValue), "blocks": .int(Int64(source.blocks)), "head": HistoryJSON.optional(source.head),
                          "firstBadBlock": source.problem?.sequence.map { .int(Int64($0)) } ?? .null,
                          "problem": HistoryJSON.optional(source.problem?.description)]
                     }),
                     "missingHeads": .list(report.missingHeads.map(Value.string))]
                })
        }
        if !verified { throw ExitStatus.failuresFound }
    }
}
