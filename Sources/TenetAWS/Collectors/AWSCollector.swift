import TenetInventory

/// Collects an account's resources from live AWS APIs into inventory resources.
///
/// Every per-type collector runs concurrently, once per region (global ones once). A collector
/// that fails costs only its own types: they are listed in `failedTypes` with the reason, so the
/// snapshot says it is partial instead of silently missing them.
public struct AWSCollector: Sendable {
    public struct Outcome: Sendable {
        public var account: String
        /// Sorted by type, then id, so the same estate gives the same file.
        public var resources: [InventoryResource]
        /// Each type that could not be read, with why (prefixed by the region where it failed).
        public var failedTypes: [ResourceType: String]

        public var completeness: SnapshotHeader.Completeness {
            failedTypes.isEmpty ? .complete : .partial(failedTypes: failedTypes)
        }
    }

    public var credentials: AWSCredentials
    public var regions: [String]
    public var endpoints: EndpointResolver
    public var transport: AWSTransport
    public var includeSecrets: Bool
    /// A page size for the APIs that take one; nil for each service's default. Small pages prove
    /// pagination in tests and keep answers small against slow services.
    public var pageSize: Int?

    public init(
        credentials: AWSCredentials, regions: [String], endpoints: EndpointResolver = EndpointResolver(),
        transport: AWSTransport = AWSTransport(), includeSecrets: Bool = false, pageSize: Int? = nil
    ) {
        self.credentials = credentials
        self.regions = regions
        self.endpoints = endpoints
        self.transport = transport
        self.includeSecrets = includeSecrets
        self.pageSize = pageSize
    }

    /// The collectors, one per service and type family, in the order the mapping document lists them.
    static let collectors: [any ResourceCollector] = [
        S3BucketCollector(), EC2VolumeCollector(), EC2InstanceCollector(), EC2SecurityGroupCollector(), EC2VPCCollector(),
        EC2SubnetCollector(), IAMCollector(), RDSDBInstanceCollector(), KMSKeyCollector(), CloudTrailTrailCollector(),
        DynamoDBTableCollector(), LambdaFunctionCollector(), SNSTopicCollector(), SQSQueueCollector(), LogGroupCollector(),
    ]

    /// Throws only when there is no region, or when the account cannot be identified
    /// (`GetCallerIdentity` fails), since then no other request could succeed either: refused
    /// credentials, an unreachable endpoint. Every other failure is a failed type in the outcome.
    public func collect() async throws(AWSError) -> Outcome {
        guard let firstRegion = regions.first else { throw .configuration("no region to collect; pass --region or set AWS_REGION") }
        let identity = AWSClient(credentials: credentials, region: firstRegion, endpoints: endpoints, transport: transport)
        guard let account = try await identity.query(.sts, action: "GetCallerIdentity").text(at: "GetCallerIdentityResult/Account") else {
            throw .malformedResponse(service: "sts", reason: "GetCallerIdentity named no account")
        }
        var runs: [(collector: any ResourceCollector, region: String)] = []
        for collector in Self.collectors {
            for region in collector.isGlobal ? [firstRegion] : regions { runs.append((collector, region)) }
        }
        var resources: [InventoryResource] = []
        var failures: [ResourceType: [String]] = [:]
        await withTaskGroup(of: (collector: any ResourceCollector, region: String, result: Result<[InventoryResource], AWSError>).self) { group in
            for run in runs {
                let context = CollectionContext(
                    client: AWSClient(credentials: credentials, region: run.region, endpoints: endpoints, transport: transport),
                    scope: ResourceScope(account: account, region: run.collector.isGlobal ? nil : run.region, includeSecrets: includeSecrets),
                    regions: regions, pageSize: pageSize)
                group.addTask {
                    do throws(AWSError) {
                        return (run.collector, run.region, .success(try await run.collector.collect(in: context)))
                    } catch {
                        return (run.collector, run.region, .failure(error))
                    }
                }
            }
            for await finished in group {
                switch finished.result {
                case .success(let found):
                    resources += found
                case .failure(let error):
                    let place = finished.collector.isGlobal ? "" : "\(finished.region): "
                    for type in finished.collector.types { failures[type, default: []].append(place + error.description) }
                }
            }
        }
        // Regions finish in any order; sort so the same failures give the same header.
        let failedTypes = failures.mapValues { $0.sorted().joined(separator: "; ") }
        resources.sort { ($0.type, $0.id) < ($1.type, $1.id) }
        return Outcome(account: account, resources: resources, failedTypes: failedTypes)
    }
}
