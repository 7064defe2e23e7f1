import ArgumentParser
import TenetAWS
import TenetDocument
import TenetInventory

struct CollectAWSConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws-config",
        abstract: "Import AWS Config snapshots and configuration items.",
        discussion: """
            Reads configuration snapshot and history files as AWS Config delivers them to S3 \
            (decompressed), and the JSON output of get-resource-config-history, \
            batch-get-resource-config and select-resource-config. Of several items for one \
            resource the newest is kept; deleted resources are left out. Items of types Tenet \
            does not normalize are skipped and counted on stderr.

            Examples:
              tenet collect aws-config snapshot.json --output inventory.jsonl
              aws configservice get-resource-config-history \\
                --resource-type AWS::S3::Bucket --resource-id logs > history.json
              tenet collect aws-config history.json
            """
    )

    @Argument(help: "AWS Config JSON files.")
    var files: [String]

    @OptionGroup var outputOptions: InventoryOutputOptions

    func run() throws {
        let outcome: AWSConfigImport.Outcome
        do {
            outcome = try AWSConfigImport.read(files: files)
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
        for (type, count) in outcome.skippedTypes.sorted(by: { $0.key < $1.key }) {
            StandardStreams.writeError("warning: skipped \(count) configuration item\(count == 1 ? "" : "s") of \(type), a type Tenet does not normalize")
        }
        let header = SnapshotHeader(capturedAt: outputOptions.captureTime, collector: .awsConfig, source: .awsConfig(files: files), completeness: .complete)
        do {
            try outputOptions.write(header: header, resources: outcome.resources)
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
    }
}
