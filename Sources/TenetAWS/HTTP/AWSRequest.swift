/// An HTTP request to an AWS API, before and after signing.
///
/// The path and query are kept unencoded so that the signer and the transport each encode them
/// exactly once, the same way.
public struct AWSRequest: Sendable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
        case head = "HEAD"
    }

    public var method: Method
    public var endpoint: AWSEndpoint
    /// The unencoded path, starting with `/`.
    public var path: String
    public var query: [(name: String, value: String)]
    /// Header names as sent; the signer lowercases them for the canonical form.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(
        method: Method, endpoint: AWSEndpoint, path: String = "/", query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: [UInt8] = []
    ) {
        self.method = method
        self.endpoint = endpoint
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    /// The `Host` header value: the port is included only when it is not the scheme's default.
    public var hostHeader: String { endpoint.hostHeader }

    /// The URL the transport requests: path segments and query encoded as in the signature.
    public var url: String {
        var text = "\(endpoint.scheme)://\(endpoint.hostHeader)\(SigV4Encoding.encode(path, keepSlash: true))"
        if !query.isEmpty { text += "?" + SigV4Encoding.canonicalQuery(query) }
        return text
    }
}

/// Where a service answers: real AWS, or an override such as a moto server on loopback.
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?

    public init(scheme: String = "https", host: String, port: Int? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Parses `http://127.0.0.1:5000` or `https://ec2.eu-west-1.amazonaws.com`.
    public init?(url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        scheme = String(url[..<schemeEnd.lowerBound]).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var authority = url[schemeEnd.upperBound...]
        if let slash = authority.firstIndex(of: "/") { authority = authority[..<slash] }
        guard !authority.isEmpty else { return nil }
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let number = Int(authority[authority.index(after: colon)...]) else { return nil }
            host = String(authority[..<colon])
            port = number
        } else {
            host = String(authority)
            port = nil
        }
    }

    var hostHeader: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) else { return host }
        return "\(host):\(port)"
    }

    public var description: String { "\(scheme)://\(hostHeader)" }
}
