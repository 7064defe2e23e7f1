import TenetDocument
import TenetXML

/// The paging loops of AWS's protocols: each asks for the next page with the token of the last
/// until no token comes back. A token that repeats would loop for ever, so it fails the call.
extension AWSClient {
    /// Query and EC2-query pages. The token is read from `<Action>Result` (IAM, RDS, SNS) or from
    /// the root (EC2); IAM's `IsTruncated=false` ends the listing whatever `Marker` says.
    func queryPages(
        _ service: AWSService, action: String, parameters: [(name: String, value: String)] = [],
        token: String, pageSize: (name: String, value: Int)?
    ) async throws(AWSError) -> [XMLElement] {
        var pages: [XMLElement] = []
        var next: String?
        repeat {
            var request = parameters
            if let pageSize { request.append((pageSize.name, String(pageSize.value))) }
            if let next { request.append((token, next)) }
            let root = try await query(service, action: action, parameters: request)
            let result = root.child("\(action)Result") ?? root
            pages.append(result)
            let following = result.text(at: token) ?? result.text(at: token.prefix(1).lowercased() + token.dropFirst())
            let truncated = result.text(at: "IsTruncated").map { $0 == "true" } ?? true
            next = try Self.nextToken(following.flatMap { truncated && !$0.isEmpty ? $0 : nil }, after: next, service: service, operation: action)
        } while next != nil
        return pages
    }

    /// JSON-protocol pages; `token` names the request field and `responseToken` the answer's.
    func jsonPages(
        _ service: AWSService, operation: String, body: [Value.Entry] = [],
        token: String, responseToken: String, pageSize: (name: String, value: Int)?
    ) async throws(AWSError) -> [Node] {
        var pages: [Node] = []
        var next: String?
        repeat {
            var request = body
            if let pageSize { request.append(Value.Entry(pageSize.name, .int(Int64(pageSize.value)))) }
            if let next { request.append(Value.Entry(token, .string(next))) }
            let page = try await json(service, operation: operation, body: .map(request))
            pages.append(page)
            next = try Self.nextToken(page[responseToken]?.stringValue, after: next, service: service, operation: operation)
        } while next != nil
        return pages
    }

    static func nextToken(_ token: String?, after previous: String?, service: AWSService, operation: String) throws(AWSError) -> String? {
        guard let token, !token.isEmpty else { return nil }
        guard token != previous else {
            throw .malformedResponse(service: service.signingName, reason: "\(operation) returned the same page token twice")
        }
        return token
    }
}
