import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an audit evidence bundle from the history store, or verify one.",
        discussion: """
            The bundle layout is described in docs/evidence-bundle.md.

            Examples:
              tenet export --from 2026-01-01 --to 2026-03-31 --pack cis-aws-foundations \\
                --output q1-evidence --signing-key tenet.key
              tenet export verify q1-evidence --public-key tenet.key.pub
            """,
        subcommands: [ExportBundleCommand.self, ExportVerifyCommand.self],
        defaultSubcommand: ExportBundleCommand.self
    )
}
