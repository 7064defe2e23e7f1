import ArgumentParser
import Foundation
import TenetAWS
import TenetDocument
import TenetInventory

struct CollectAWSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws",
        abstract: "Collect live AWS resources over the AWS APIs (SigV4).",
        discussion: """
            Credentials come from the standard chain: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
            AWS_SESSION_TOKEN, AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, or a profile
            (--profile, AWS_PROFILE) in ~/.aws/credentials and ~/.aws/config, assume-role
            profiles included. AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> override
            endpoints. A service that cannot be read makes its types "failed" in the snapshot
            header; the rest is still written, and the exit code is 1.

            Examples:
              tenet collect aws --region eu-west-1 --output inventory.jsonl
              tenet collect aws --region us-east-1 --region eu-west-1 --profile audit
              tenet collect aws --endpoint http://127.0.0.1:5000 --captured-at 2026-11-21T10:00:00Z
            """
    )

    @Option(name: .customLong("region"), help: "A region to collect; repeat for several (default: AWS_REGION or the profile's region).")
    var regions: [String] = []

    @Option(help: "Send every service's requests to this URL (a local moto server, a proxy).")
    var endpoint: String?

    @Option(help: "The profile of the shared credentials and config files.")
    var profile: String?

    @Flag(help: "Keep secret values (Lambda environment variables) instead of replacing them with \(SecretRedaction.marker).")
    var includeSecrets = false

    @Option(help: "Seconds to wait for one HTTP answer before retrying it.")
    var requestTimeout = 30

    @OptionGroup var outputOptions: InventoryOutputOptions

    func validate() throws {
        if let endpoint, AWSEndpoint(url: endpoint) == nil {
            throw ValidationError("--endpoint '\(endpoint)' is not an http(s) URL; expected e.g. http://127.0.0.1:5000")
        }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be a positive number of seconds") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let endpoints = EndpointResolver(explicitEndpoint: endpoint.flatMap(AWSEndpoint.init(url:)), environment: environment)
        let transport = AWSTransport(timeout: .seconds(requestTimeout))
        let chain = CredentialChain(environment: environment, explicitProfile: profile, endpoints: endpoints, transport: transport)
        let outcome: AWSCollector.Outcome
        let regions: [String]
        do {
            regions = try self.regions.isEmpty ? [chain.region()].compactMap { $0 } : self.regions
            guard !regions.isEmpty else {
                StandardStreams.writeError("error: no region to collect; pass --region, or set AWS_REGION or a region in the profile")
                throw ExitStatus.usageOrInputError
            }
            let collector = AWSCollector(
                credentials: try await chain.resolve(), regions: regions, endpoints: endpoints, transport: transport, includeSecrets: includeSecrets)
            outcome = try await collector.collect()
        } catch let error as AWSError {
            StandardStreams.writeError("error: \(error)")
            throw ExitStatus.usageOrInputError
        }
        let header = SnapshotHeader(
            capturedAt: outputOptions.captureTime, collector: .aws,
            source: .aws(account: outcome.account, regions: regions, endpoint: endpoint), completeness: outcome.completeness)
        do {
            try outputOptions.write(header: header, resources: outcome.resources)
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
        StandardStreams.writeError("collected \(outcome.resources.count) resources from account \(outcome.account) in \(regions.joined(separator: ", "))")
        guard outcome.failedTypes.isEmpty else {
            for (type, reason) in outcome.failedTypes.sorted(by: { $0.key < $1.key }) {
                StandardStreams.writeError("error: \(type) could not be read: \(reason)")
            }
            throw ExitStatus.failuresFound
        }
    }
}
