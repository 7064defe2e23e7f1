/// When and how long to wait before trying a request again.
///
/// Exponential backoff with full jitter (a random wait between zero and the capped exponential),
/// which spreads the retries of many callers instead of synchronising them. The sleep and the
/// random source are injectable so that retry tests run in milliseconds and deterministically.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Returns a number in `0..<1`.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 5,
        baseDelay: Duration = .milliseconds(200),
        maxDelay: Duration = .seconds(20),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.sleep = sleep
        self.random = random
    }

    /// The wait before retry number `attempt` (1 for the first retry).
    public func delay(beforeRetry attempt: Int) -> Duration {
        let exponential = baseDelay * Double(1 << min(attempt - 1, 30))
        let capped = min(exponential, maxDelay)
        return capped * random()
    }

    /// HTTP statuses worth another try: throttling and server-side failures.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// Error codes AWS services use for throttling, whatever status they come with.
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
}
