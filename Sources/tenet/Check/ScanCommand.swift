import ArgumentParser

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Evaluate the rules over collected resources: an inventory, or AWS collected live.",
        discussion: """
            Resources are projected to a template-shaped document ({Resources: {<id>: \
            {Type, Properties, Metadata}}}), so the rules that check templates check \
            live resources unchanged. Types the collector could not read are \
            INSUFFICIENT_DATA, which fails the run only with --fail-on-insufficient-data.

            Examples:
              tenet scan --inventory live.jsonl    (inventory: the default subcommand)
              tenet scan --inventory inventories/ --format json -o compliance.json
              tenet scan aws --region eu-west-1 --format sarif -o live.sarif
              tenet scan aws --region eu-west-1 --record   Also record it in the history

            Exit codes: 0 nothing at or above --fail-on, 1 findings (or an evaluation \
            error), 2 usage or input error.
            """,
        subcommands: [ScanInventoryCommand.self, ScanAWSCommand.self],
        defaultSubcommand: ScanInventoryCommand.self
    )
}
