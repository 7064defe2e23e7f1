import ArgumentParser
import TenetDocument
import TenetHistory

struct HistoryKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create an Ed25519 key pair for signing history blocks and export manifests.",
        discussion: """
            Keep the private key away from the machines that write the store; give \
            verifiers the public key.

            Examples:
              tenet history keygen --output tenet.key   Writes tenet.key and tenet.key.pub
            """
    )

    @Option(help: "The private key file to create; the public key goes beside it with .pub appended.")
    var output: String

    @OptionGroup var format: HistoryFormatOption

    func run() throws {
        do {
            let key = HistorySigningKey()
            try key.write(to: output)
            try key.publicKey.write(to: output + ".pub")
        } catch let error as HistoryError {
            StandardStreams.writeError("error: \(error.message)")
            throw ExitStatus.usageOrInputError
        }
        format.write(text: { "wrote \(output) and \(output).pub\n" }, json: { ["signingKey": .string(output), "publicKey": .string(output + ".pub")] })
    }
}
