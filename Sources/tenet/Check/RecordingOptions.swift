import ArgumentParser

/// `--record` and where to: shared by the `scan` subcommands.
struct RecordingOptions: ParsableArguments {
    @Flag(help: "Record each scanned snapshot and its verdicts in the history store.")
    var record = false

    @OptionGroup var history: HistoryStoreOption

    @Option(help: ArgumentHelp("Sign every recorded block with this Ed25519 key (tenet history keygen).", valueName: "file"))
    var signingKey: String?

    /// The store to record in, when `--record` asks for it.
    var store: HistoryStoreOption? { record ? history : nil }
}
