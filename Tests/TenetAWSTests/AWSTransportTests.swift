import Foundation
import TenetAWS
import TenetTestServers
import XCTest

/// Retries against a real HTTP server that throttles, and failure on a closed port.
final class AWSTransportTests: XCTestCase {
    /// Records the waits instead of sleeping, and fixes the jitter at one half.
    private final class SleepRecorder: @unchecked Sendable {
        private let lock = NSLock()
        private var waits: [Duration] = []

        var recorded: [Duration] { lock.withLock { waits } }

        func policy(maxAttempts: Int) -> RetryPolicy {
            RetryPolicy(
                maxAttempts: maxAttempts, baseDelay: .milliseconds(100), maxDelay: .milliseconds(350),
                sleep: { duration in self.lock.withLock { self.waits.append(duration) } },
                random: { 0.5 })
        }
    }

    private let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret")

    func testThrottlingIsRetriedWithCappedExponentialBackoff() async throws {
        for status in [429, 503, 400] {
            let server = try TestServer.script("flaky_server.py", arguments: ["3", String(status)])
            defer { server.stop() }
            let recorder = SleepRecorder()
            let client = AWSClient(
                credentials: credentials, region: "us-east-1",
                endpoints: EndpointResolver(explicitEndpoint: server.endpoint),
                transport: AWSTransport(retryPolicy: recorder.policy(maxAttempts: 5)))
            let answer = try await client.query(.sts, action: "GetCallerIdentity")
            XCTAssertEqual(answer.text(at: "GetCallerIdentityResult/Account"), "123456789012", "status \(status)")
            // 100, 200, 400→capped at 350 ms, each halved by the fixed jitter.
            XCTAssertEqual(recorder.recorded, [.milliseconds(50), .milliseconds(100), .milliseconds(175)], "status \(status)")
        }
    }

    func testRetriesStopAtTheLimitWithTheServiceError() async throws {
        let server = try TestServer.script("flaky_server.py", arguments: ["10", "503"])
        defer { server.stop() }
        let recorder = SleepRecorder()
        let client = AWSClient(
            credentials: credentials, region: "us-east-1", endpoints: EndpointResolver(explicitEndpoint: server.endpoint),
            transport: AWSTransport(retryPolicy: recorder.policy(maxAttempts: 3)))
        do {
            _ = try await client.query(.sts, action: "GetCallerIdentity")
            XCTFail("expected the third 503 to be thrown")
        } catch {
            guard case .service(let serviceError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(serviceError.status, 503)
            XCTAssertEqual(serviceError.code, "ServiceUnavailable")
            XCTAssertEqual(serviceError.requestID, "r3")
        }
        XCTAssertEqual(recorder.recorded.count, 2)
    }

    func testClosedPortIsUnreachableWithAClearMessage() async throws {
        let port = try LoopbackPort.free()
        let recorder = SleepRecorder()
        let client = AWSClient(
            credentials: credentials, region: "us-east-1",
            endpoints: EndpointResolver(explicitEndpoint: AWSEndpoint(scheme: "http", host: "127.0.0.1", port: port)),
            // The HTTP client keeps retrying a refused connection until the deadline, so the
            // deadline is what bounds this test.
            transport: AWSTransport(retryPolicy: recorder.policy(maxAttempts: 2), timeout: .seconds(1)))
        do {
            _ = try await client.query(.ec2, action: "DescribeVolumes")
            XCTFail("expected a connection failure")
        } catch {
            guard case .unreachable(let endpoint, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(endpoint, "http://127.0.0.1:\(port)")
            XCTAssertTrue(error.description.hasPrefix("cannot reach http://127.0.0.1:\(port): "), error.description)
        }
        XCTAssertEqual(recorder.recorded.count, 1)
    }

    func testBackoffDelaysGrowAndAreCapped() {
        let policy = RetryPolicy(baseDelay: .milliseconds(200), maxDelay: .seconds(1), random: { 0.999 })
        let delays = (1...5).map { policy.delay(beforeRetry: $0) }
        XCTAssertEqual(delays.map { $0 < .seconds(1) }, [true, true, true, true, true])
        XCTAssertLessThan(delays[0], delays[1])
        XCTAssertLessThan(delays[1], delays[2])
        XCTAssertEqual(delays[3], delays[4], "capped")
    }
}
