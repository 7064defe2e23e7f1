/// Decides where each service's requests go.
///
/// In order: an explicit endpoint (the `--endpoint` flag), the per-service environment override
/// `AWS_ENDPOINT_URL_<SERVICE>`, the global `AWS_ENDPOINT_URL`, a profile's `endpoint_url`, and
/// finally the public AWS endpoint of the service in the region.
public struct EndpointResolver: Sendable {
    public var explicitEndpoint: AWSEndpoint?
    public var environment: [String: String]
    public var profileEndpoint: AWSEndpoint?

    public init(explicitEndpoint: AWSEndpoint? = nil, environment: [String: String] = [:], profileEndpoint: AWSEndpoint? = nil) {
        self.explicitEndpoint = explicitEndpoint
        self.environment = environment
        self.profileEndpoint = profileEndpoint
    }

    public func endpoint(for service: AWSService, region: String) throws(AWSError) -> AWSEndpoint {
        if let explicitEndpoint { return explicitEndpoint }
        for variable in ["AWS_ENDPOINT_URL_\(service.environmentID)", "AWS_ENDPOINT_URL"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            guard let endpoint = AWSEndpoint(url: value) else {
                throw .configuration("\(variable)=\(value) is not an http(s) URL")
            }
            return endpoint
        }
        if let profileEndpoint { return profileEndpoint }
        if service.globalRegion != nil {
            return AWSEndpoint(host: "\(service.endpointPrefix).amazonaws.com")
        }
        return AWSEndpoint(host: "\(service.endpointPrefix).\(region).amazonaws.com")
    }
}
