import TenetAWS
import TenetTestServers
import XCTest

/// Service errors in each dialect, as a real moto server writes them.
final class AWSErrorDecodingTests: XCTestCase {
    func testErrorsInEveryDialectNameTheirCode() async throws {
        let server = try TestServer.moto()
        defer { server.stop() }
        let client = AWSClient(
            credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoints: EndpointResolver(explicitEndpoint: server.endpoint), transport: AWSTransport(retryPolicy: RetryPolicy(maxAttempts: 1)))

        let calls: [(label: String, expectedCode: String, call: () async throws(AWSError) -> Void)] = [
            ("JSON __type (KMS)", "NotFoundException", { () async throws(AWSError) in _ = try await client.json(.kms, operation: "DescribeKey", body: ["KeyId": "alias/missing"]) }),
            ("REST-XML <Error> (S3)", "NoSuchBucket", { () async throws(AWSError) in _ = try await client.rest(.s3, path: "/missing-bucket", query: [("encryption", "")]) }),
            ("query <ErrorResponse> (IAM)", "NoSuchEntity", { () async throws(AWSError) in _ = try await client.query(.iam, action: "GetUser", parameters: [("UserName", "nobody")]) }),
            ("EC2 <Response><Errors>", "InvalidVolume.NotFound", { () async throws(AWSError) in _ = try await client.query(.ec2, action: "DescribeVolumes", parameters: [("VolumeId.1", "vol-00000000000000000")]) }),
        ]
        for (label, expectedCode, call) in calls {
            do {
                try await call()
                XCTFail("\(label): expected an error")
            } catch {
                guard case .service(let serviceError) = error else { XCTFail("\(label): \(error)"); continue }
                XCTAssertEqual(serviceError.code, expectedCode, label)
                XCTAssertFalse(serviceError.isAuthenticationFailure, label)
            }
        }
    }
}
