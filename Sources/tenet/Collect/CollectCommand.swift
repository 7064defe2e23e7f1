import ArgumentParser

struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Snapshot resource configurations into an inventory, in the CloudFormation shape.",
        discussion: """
            Every collector writes the same inventory format (docs/inventory-format.md): one \
            header line, then one resource per line with its properties named and nested as in \
            the CloudFormation resource reference, so one rule checks a template and a live \
            resource alike.

            Exit codes: 0 complete, 1 written but some types could not be read (named on \
            stderr), 2 usage or input error (nothing written).
            """,
        subcommands: [CollectTemplateCommand.self, CollectAWSCommand.self, CollectAWSConfigCommand.self]
    )
}
