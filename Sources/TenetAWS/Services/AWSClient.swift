import Foundation
import TenetDocument
import TenetXML

/// Calls AWS operations in each service's wire protocol, for one account and region.
///
/// Collectors describe *what* to ask (an action and its parameters); this type knows *how* each
/// protocol puts that on the wire and reads the answer: XML for the query and REST-XML services,
/// JSON (read by Tenet's own JSON loader, so numbers keep their int or float kind) for the rest.
public struct AWSClient: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    public var endpoints: EndpointResolver
    public var transport: AWSTransport

    public init(credentials: AWSCredentials, region: String, endpoints: EndpointResolver = EndpointResolver(), transport: AWSTransport = AWSTransport()) {
        self.credentials = credentials
        self.region = region
        self.endpoints = endpoints
        self.transport = transport
    }

    private func signer(for service: AWSService) -> SigV4Signer {
        SigV4Signer(credentials: credentials, region: service.signingRegion(for: region), service: service.signingName)
    }

    /// A query or EC2-query action; returns the root element of the XML answer.
    public func query(_ service: AWSService, action: String, parameters: [(name: String, value: String)] = [], signed: Bool = true) async throws(AWSError) -> XMLElement {
        let version: String
        switch service.wireProtocol {
        case .query(let value), .ec2Query(let value): version = value
        default: throw .configuration("\(service.signingName) does not speak the query protocol")
        }
        let form = SigV4Encoding.canonicalQuery([("Action", action), ("Version", version)] + parameters)
        let request = AWSRequest(
            method: .post, endpoint: try endpoints.endpoint(for: service, region: service.signingRegion(for: region)),
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: Array(form.utf8))
        let response = try await transport.send(request, service: service, signer: signed ? signer(for: service) : nil)
        return try Self.xml(response, service: service)
    }

    /// A JSON-protocol operation (`X-Amz-Target`); returns the decoded answer.
    public func json(_ service: AWSService, operation: String, body: Value = [:]) async throws(AWSError) -> Node {
        guard case .json(let version, let prefix) = service.wireProtocol else {
            throw .configuration("\(service.signingName) does not speak the JSON protocol")
        }
        var payload: [UInt8] = []
        JSONWriter(style: .compact).write(Document(value: body).root, to: &payload)
        let request = AWSRequest(
            method: .post, endpoint: try endpoints.endpoint(for: service, region: region),
            headers: [("Content-Type", "application/x-amz-json-\(version)"), ("X-Amz-Target", "\(prefix).\(operation)")],
            body: payload)
        let response = try await transport.send(request, service: service, signer: signer(for: service))
        return try Self.json(response, service: service)
    }

    /// A REST call (S3, Lambda); the caller decodes the body, whose dialect the service decides.
    public func rest(_ service: AWSService, method: AWSRequest.Method = .get, path: String, query: [(name: String, value: String)] = []) async throws(AWSError) -> AWSResponse {
        let request = AWSRequest(method: method, endpoint: try endpoints.endpoint(for: service, region: region), path: path, query: query)
        return try await transport.send(request, service: service, signer: signer(for: service))
    }

    public static func xml(_ response: AWSResponse, service: AWSService) throws(AWSError) -> XMLElement {
        do {
            return try XMLReader.parse(response.body)
        } catch {
            throw .malformedResponse(service: service.signingName, reason: "\(error)")
        }
    }

    public static func json(_ response: AWSResponse, service: AWSService) throws(AWSError) -> Node {
        if response.body.isEmpty { return Document(value: [:]).root }
        do {
            return try JSONLoader().load(SourceText(name: "\(service.signingName) response", bytes: response.body)).root
        } catch {
            throw .malformedResponse(service: service.signingName, reason: error.message)
        }
    }
}
