import TenetDocument
import TenetXML

/// Why a call to AWS did not give an answer.
///
/// Collectors record these per service in the snapshot (the service's types become "insufficient
/// data"), so each case says what happened in words a person can act on.
public enum AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service answered with an error (`AuthFailure`, `AccessDenied`, `NoSuchBucket`, …).
    case service(ServiceError)
    /// No HTTP answer: connection refused, DNS failure, timeout.
    case unreachable(endpoint: String, reason: String)
    /// An answer that could not be decoded.
    case malformedResponse(service: String, reason: String)
    /// No credentials could be found, or a credential source is misconfigured.
    case credentials(String)
    /// A setting (endpoint, region, profile) that cannot be used as given.
    case configuration(String)

    public struct ServiceError: Sendable, Equatable {
        public var service: String
        public var status: Int
        public var code: String
        public var message: String
        public var requestID: String?

        public init(service: String, status: Int, code: String, message: String, requestID: String? = nil) {
            self.service = service
            self.status = status
            self.code = code
            self.message = message
            self.requestID = requestID
        }

        /// Codes that mean the credentials themselves were refused, as opposed to a missing permission.
        public var isAuthenticationFailure: Bool {
            Self.authenticationCodes.contains(code) || status == 401
        }

        static let authenticationCodes: Set<String> = [
            "AuthFailure", "SignatureDoesNotMatch", "InvalidClientTokenId", "UnrecognizedClientException",
            "InvalidAccessKeyId", "IncompleteSignature", "ExpiredToken", "ExpiredTokenException", "InvalidToken",
        ]
    }

    public var description: String {
        switch self {
        case .service(let error):
            var text = "\(error.service): \(error.code) (HTTP \(error.status))"
            if !error.message.isEmpty { text += ": \(error.message)" }
            if error.isAuthenticationFailure {
                text += " — the credentials were refused; check the access key id and secret, and that the key is still active"
            }
            if let requestID = error.requestID { text += " [request \(requestID)]" }
            return text
        case .unreachable(let endpoint, let reason):
            return "cannot reach \(endpoint): \(reason); check the endpoint URL and the network"
        case .malformedResponse(let service, let reason):
            return "\(service): the response could not be read: \(reason)"
        case .credentials(let reason):
            return "no usable AWS credentials: \(reason)"
        case .configuration(let reason):
            return "AWS configuration: \(reason)"
        }
    }

    /// Reads an error body in whichever dialect the service (or moto) used: query/EC2/S3 XML, or
    /// JSON with `__type` — KMS errors arrive as XML from moto even though KMS speaks JSON, so the
    /// body decides, never the service's protocol or the Content-Type.
    static func decode(service: String, response: AWSResponse) -> ServiceError {
        var code = response.header("x-amzn-ErrorType").map(shortCode) ?? ""
        var message = ""
        var requestID = response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
        let firstByte = response.body.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if firstByte == UInt8(ascii: "<"), let root = try? XMLReader.parse(response.body) {
            let error = root.name == "Error" ? root : (root.element(at: "Error") ?? root.element(at: "Errors/Error"))
            if let error {
                code = error.text(at: "Code") ?? code
                message = error.text(at: "Message") ?? ""
            }
            requestID = root.text(at: "RequestId") ?? root.text(at: "RequestID") ?? root.text(at: "ResponseMetadata/RequestId") ?? requestID
        } else if firstByte == UInt8(ascii: "{"), let object = try? JSONLoader().load(SourceText(name: service, bytes: response.body)).root {
            if let type = object["__type"]?.stringValue { code = shortCode(type) }
            if let text = (object["message"] ?? object["Message"])?.stringValue { message = text }
            if code.isEmpty, let text = object["code"]?.stringValue { code = text }
        }
        if code.isEmpty { code = "HTTP\(response.status)" }
        return ServiceError(service: service, status: response.status, code: code, message: message, requestID: requestID)
    }

    /// `com.amazonaws.kms#NotFoundException` and `NotFoundException:http://…` both mean `NotFoundException`.
    private static func shortCode(_ type: String) -> String {
        var code = Substring(type)
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        return String(code)
    }
}
