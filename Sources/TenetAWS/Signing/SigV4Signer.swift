import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4.
///
/// Every header the request carries is signed (the transport adds none of its own that AWS
/// checks), plus `host` and `x-amz-date`. The date is a parameter so that signatures can be
/// checked against fixed vectors.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    /// The signing name of the service (`ec2`, `s3`, `iam`, …), which is also how moto routes.
    public var service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Returns the request with `Authorization`, `X-Amz-Date` and, where needed,
    /// `X-Amz-Security-Token` and `X-Amz-Content-Sha256` set.
    public func sign(_ request: AWSRequest, at date: Date = Date()) -> AWSRequest {
        var signed = request
        let (amzDate, day) = Self.timestamps(date)
        signed.setHeader("X-Amz-Date", amzDate)
        if let token = credentials.sessionToken { signed.setHeader("X-Amz-Security-Token", token) }
        let payloadHash = Self.hex(SHA256.hash(data: request.body))
        if service == "s3" { signed.setHeader("X-Amz-Content-Sha256", payloadHash) }

        let (canonical, signedHeaders) = canonicalRequest(signed, payloadHash: payloadHash)
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(data: Array(canonical.utf8)))].joined(separator: "\n")
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(day: day)))
        signed.setHeader(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)")
        return signed
    }

    /// The canonical request and the signed-headers list, exposed for tests against reference signers.
    func canonicalRequest(_ request: AWSRequest, payloadHash: String) -> (String, String) {
        var headers: [String: [String]] = ["host": [request.hostHeader]]
        for (name, value) in request.headers where name.lowercased() != "authorization" {
            headers[name.lowercased(), default: []].append(Self.trimmed(value))
        }
        let names = headers.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(headers[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let canonical = [
            request.method.rawValue,
            canonicalURI(request.path),
            SigV4Encoding.canonicalQuery(request.query),
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        return (canonical, signedHeaders)
    }

    /// S3 signs the path as sent; every other service signs it encoded a second time.
    private func canonicalURI(_ path: String) -> String {
        let once = SigV4Encoding.encode(path, keepSlash: true)
        return service == "s3" ? once : SigV4Encoding.encode(once, keepSlash: true)
    }

    private func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }

    /// Header values are trimmed and runs of spaces collapsed, as the canonical form requires.
    private static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    static func timestamps(_ date: Date) -> (amzDate: String, day: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
        return (day + String(format: "T%02d%02d%02dZ", parts.hour!, parts.minute!, parts.second!), day)
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
