import ArgumentParser
import Foundation
import TenetDocument

@main
struct TenetCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "tenet",
        abstract: "Policy-as-code compliance for CloudFormation templates and AWS resources.",
        discussion: """
            Tenet checks CloudFormation templates before deploy and collected AWS resources after, \
            with rules written in the CloudFormation Guard language.

            Examples:
              tenet check templates/                 Check templates before deploy
              tenet check . --format sarif -o tenet.sarif
              tenet collect aws --region eu-west-1 -o live.jsonl
                                                     Snapshot live AWS resources
              tenet scan --inventory live.jsonl      The same rules over them
              tenet scan aws --region eu-west-1      Collect and scan in one step
              tenet parse template.yaml              As JSON, intrinsics in long form
              tenet parse --locations template.yaml  With each node's line and column

            Exit codes: 0 nothing found, 1 failures found, 2 usage or input error.
            """,
        version: version,
        subcommands: [
            CheckCommand.self, ScanCommand.self, CollectCommand.self, HistoryCommand.self, ExportCommand.self, RulesCommand.self, ParseCommand.self,
            ValidateCommand.self, TestCommand.self,
        ]
    )

    /// Runs the command line, mapping every outcome to an `ExitStatus`. ArgumentParser's own
    /// usage-error code (64) becomes 2, so scripts see one set of codes.
    static func main() async {
        let status: ExitStatus
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            status = .ok
        } catch let exitStatus as ExitStatus {
            status = exitStatus
        } catch let diagnostic as Diagnostic {
            StandardStreams.report(diagnostic)
            status = .usageOrInputError
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                status = .ok
            } else {
                if !message.isEmpty { StandardStreams.writeError(message) }
                status = .usageOrInputError
            }
        }
        Foundation.exit(status.rawValue)
    }
}
