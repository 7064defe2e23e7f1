import ArgumentParser

struct HistoryRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Scan an inventory and record it and its verdicts in the history store.",
        discussion: """
            The same as `tenet scan --inventory INVENTORY --record`, with the same options and exit \
            codes. A snapshot older than the latest recorded for its source is refused.

            Examples:
              tenet collect template examples/templates -o monday.jsonl
              tenet history record monday.jsonl
              tenet history timeline web-app.yaml#AppBucket
            """
    )

    @Argument(help: "An inventory file, or a directory of .jsonl inventories.")
    var inventory: String

    @OptionGroup var scan: ScanOptions
    @OptionGroup var reports: ReportOutputOptions
    @OptionGroup var history: HistoryStoreOption

    @Option(help: ArgumentHelp("Sign every recorded block with this Ed25519 key (tenet history keygen).", valueName: "file"))
    var signingKey: String?

    func run() throws {
        try ScanInventoryCommand.scan(inventory, options: scan, reports: reports, recordingIn: history, signingKey: signingKey)
    }
}
