import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Sends signed requests and retries what is worth retrying.
///
/// Each attempt is signed afresh, so a retry after a long backoff does not carry a stale
/// `X-Amz-Date`. Throttling and server errors are retried with the policy's backoff; the final
/// failure is thrown as an `AWSError`, never swallowed.
public struct AWSTransport: Sendable {
    public var retryPolicy: RetryPolicy
    public var timeout: Duration
    /// Responses larger than this are refused rather than buffered.
    public var maxResponseBytes: Int
    private let client: HTTPClient

    public init(retryPolicy: RetryPolicy = RetryPolicy(), timeout: Duration = .seconds(30), maxResponseBytes: Int = 64 << 20, client: HTTPClient = .shared) {
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.client = client
    }

    /// Sends `request`, signed by `signer`; a nil signer sends it unsigned, as the few unsigned
    /// AWS calls (`AssumeRoleWithWebIdentity`) require.
    public func send(_ request: AWSRequest, service: AWSService, signer: SigV4Signer?) async throws(AWSError) -> AWSResponse {
        var attempt = 1
        while true {
            let failure: AWSError
            switch await execute(signer?.sign(request) ?? request) {
            case .success(let response) where response.isSuccess:
                return response
            case .success(let response):
                let error = AWSError.decode(service: service.signingName, response: response)
                failure = .service(error)
                let retryable = RetryPolicy.isRetryable(status: response.status) || RetryPolicy.throttlingCodes.contains(error.code)
                guard retryable else { throw failure }
            case .failure(let error):
                failure = error
                guard case .unreachable = error else { throw failure }
            }
            guard attempt < retryPolicy.maxAttempts else { throw failure }
            do {
                try await retryPolicy.sleep(retryPolicy.delay(beforeRetry: attempt))
            } catch {
                throw failure
            }
            attempt += 1
        }
    }

    private func execute(_ request: AWSRequest) async -> Result<AWSResponse, AWSError> {
        var http = HTTPClientRequest(url: request.url)
        http.method = HTTPMethod(rawValue: request.method.rawValue)
        http.headers.add(name: "Host", value: request.hostHeader)
        for (name, value) in request.headers { http.headers.add(name: name, value: value) }
        if !request.body.isEmpty { http.body = .bytes(request.body) }
        do {
            let response = try await client.execute(http, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000))
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: maxResponseBytes)
            } catch {
                return .failure(.malformedResponse(service: request.endpoint.host, reason: "the body is larger than \(maxResponseBytes) bytes or was cut off (\(error))"))
            }
            return .success(AWSResponse(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: Array(body.readableBytesView)))
        } catch {
            return .failure(.unreachable(endpoint: request.endpoint.description, reason: String(describing: error)))
        }
    }
}
