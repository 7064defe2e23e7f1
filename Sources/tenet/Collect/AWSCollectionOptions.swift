import ArgumentParser
import Foundation
import TenetAWS
import TenetDocument
import TenetInventory

/// Where and how to read live AWS resources; shared by `collect aws` and `scan aws`.
struct AWSCollectionOptions: ParsableArguments {
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

    func validate() throws {
        if let endpoint, AWSEndpoint(url: endpoint) == nil {
            throw ValidationError("--endpoint '\(endpoint)' is not an http(s) URL; expected e.g. http://127.0.0.1:5000")
        }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be a positive number of seconds") }
    }

    /// Collects every region into a snapshot. Credentials, region and connection problems end
    /// the command with exit code 2; types that could not be read make the snapshot partial
    /// (`failedTypes`), and the caller says what that means for it.
    func collect(capturedAt: Date) async throws -> AWSSnapshot {
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
        StandardStreams.writeError("collected \(outcome.resources.count) resources from account \(outcome.account) in \(regions.joined(separator: ", "))")
        let header = SnapshotHeader(
            capturedAt: capturedAt, collector: .aws, source: .aws(account: outcome.account, regions: regions, endpoint: endpoint),
            completeness: outcome.completeness)
        return AWSSnapshot(header: header, resources: outcome.resources, failedTypes: outcome.failedTypes.sorted { $0.key < $1.key }.map { (type: $0.key, reason: $0.value) })
    }
}

/// What one live collection read.
struct AWSSnapshot {
    var header: SnapshotHeader
    /// In the collector's order: type, then id.
    var resources: [InventoryResource]
    /// Each type that could not be read, with why, in type order.
    var failedTypes: [(type: ResourceType, reason: String)]
}
