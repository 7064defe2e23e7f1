import ArgumentParser
import Foundation
import TenetDocument

struct CollectAWSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws",
        abstract: "Collect live AWS resources over the AWS APIs (SigV4).",
        discussion: """
            Credentials come from the standard chain: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / \
            AWS_SESSION_TOKEN, AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, or a profile \
            (--profile, AWS_PROFILE) in ~/.aws/credentials and ~/.aws/config, assume-role \
            profiles included. AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> override \
            endpoints. A service that cannot be read makes its types "failed" in the snapshot \
            header; the rest is still written, and the exit code is 1.

            Examples:
              tenet collect aws --region eu-west-1 --output inventory.jsonl
              tenet collect aws --region us-east-1 --region eu-west-1 --profile audit
              tenet collect aws --endpoint http://127.0.0.1:5000 \\
                --captured-at 2026-11-21T10:00:00Z
            """
    )

    @OptionGroup var aws: AWSCollectionOptions
    @OptionGroup var outputOptions: InventoryOutputOptions

    func run() async throws {
        let snapshot = try await aws.collect(capturedAt: outputOptions.captureTime)
        do {
            try outputOptions.write(header: snapshot.header, resources: snapshot.resources)
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
        guard snapshot.failedTypes.isEmpty else {
            for (type, reason) in snapshot.failedTypes {
                StandardStreams.writeError("error: \(type) could not be read: \(reason)")
            }
            throw ExitStatus.failuresFound
        }
    }
}
