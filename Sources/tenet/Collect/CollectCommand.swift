import ArgumentParser

struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Snapshot resource configurations into an inventory.",
        discussion: """
            Every collector writes the same inventory format (docs/inventory-format.md): resources in
            the CloudFormation resource-property shape, so one rule checks a template and the live
            resource alike.

            Exit codes: 0 complete, 1 written but some types could not be read, 2 usage or input error.
            """,
        subcommands: [CollectTemplateCommand.self]
    )
}
