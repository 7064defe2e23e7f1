import Foundation
import TenetAWS
import TenetTestServers
import XCTest

/// moto in its authenticated mode verifies SigV4 signatures and IAM permissions, so these tests
/// prove that real AWS would accept Tenet's requests, and that refusals read clearly.
final class MotoAuthenticationTests: XCTestCase {
    private struct Estate: Decodable {
        var accessKeyID: String
        var secretAccessKey: String
        var deletedAccessKeyID: String
        var deletedSecretAccessKey: String
        var roleArn: String
    }

    private static let fastRetries = RetryPolicy(maxAttempts: 2, sleep: { _ in })

    /// A moto server whose first actions are free (for seeding), then requires valid signatures.
    private func authenticatedMoto() throws -> (TestServer, Estate) {
        let server = try TestServer.moto(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "9"])
        let output = try PythonScript.run("seed_estate.py", arguments: [server.url, "auth-user"])
        return (server, try JSONDecoder().decode(Estate.self, from: output))
    }

    private func client(_ server: TestServer, _ credentials: AWSCredentials) -> AWSClient {
        AWSClient(
            credentials: credentials, region: "us-east-1", endpoints: EndpointResolver(explicitEndpoint: server.endpoint),
            transport: AWSTransport(retryPolicy: Self.fastRetries))
    }

    func testSignedRequestsAreAcceptedAndBadKeysRefused() async throws {
        let (server, estate) = try authenticatedMoto()
        defer { server.stop() }

        let valid = AWSCredentials(accessKeyID: estate.accessKeyID, secretAccessKey: estate.secretAccessKey)
        let volumes = try await client(server, valid).query(.ec2, action: "DescribeVolumes")
        XCTAssertEqual(volumes.name, "DescribeVolumesResponse")
        let buckets = try await client(server, valid).rest(.s3, path: "/")
        XCTAssertEqual(buckets.status, 200)

        let wrongSecret = AWSCredentials(accessKeyID: estate.accessKeyID, secretAccessKey: "not-the-secret")
        let deleted = AWSCredentials(accessKeyID: estate.deletedAccessKeyID, secretAccessKey: estate.deletedSecretAccessKey)
        for (label, credentials) in [("wrong secret", wrongSecret), ("deleted key", deleted)] {
            do {
                _ = try await client(server, credentials).query(.ec2, action: "DescribeVolumes")
                XCTFail("\(label): expected an authentication failure")
            } catch {
                guard case .service(let serviceError) = error else { XCTFail("\(label): \(error)"); continue }
                XCTAssertEqual(serviceError.code, "AuthFailure", label)
                XCTAssertTrue(serviceError.isAuthenticationFailure, label)
                XCTAssertTrue(error.description.contains("the credentials were refused"), error.description)
                XCTAssertFalse(error.description.contains(credentials.secretAccessKey), "no secret in messages")
            }
        }

        do {
            _ = try await client(server, wrongSecret).json(.kms, operation: "ListKeys")
            XCTFail("expected KMS to refuse a wrong secret")
        } catch {
            guard case .service(let serviceError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(serviceError.code, "SignatureDoesNotMatch", "KMS errors arrive as XML from moto")
        }
    }

    func testAssumeRoleProfileFromSharedFiles() async throws {
        let (server, estate) = try authenticatedMoto()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        let credentialsFile = try directory.write("credentials", """
            [scanner]
            aws_access_key_id = \(estate.accessKeyID)
            aws_secret_access_key = \(estate.secretAccessKey)
            """)
        let configFile = try directory.write("config", """
            [profile auditor]
            role_arn = \(estate.roleArn)
            source_profile = scanner
            role_session_name = tenet-test
            region = us-east-1
            """)
        let environment = [
            "AWS_SHARED_CREDENTIALS_FILE": credentialsFile, "AWS_CONFIG_FILE": configFile,
            "AWS_ENDPOINT_URL": server.url, "HOME": directory.path,
        ]
        let chain = CredentialChain(environment: environment, explicitProfile: "auditor", transport: AWSTransport(retryPolicy: Self.fastRetries))
        let assumed = try await chain.resolve()
        XCTAssertNotEqual(assumed.accessKeyID, estate.accessKeyID)
        XCTAssertNotNil(assumed.sessionToken)
        XCTAssertNotNil(assumed.expiration)

        let volumes = try await client(server, assumed).query(.ec2, action: "DescribeVolumes")
        XCTAssertEqual(volumes.name, "DescribeVolumesResponse")
    }

    func testWebIdentityThroughSTS() async throws {
        let server = try TestServer.moto()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl\n")
        let environment = [
            "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
            "AWS_ROLE_SESSION_NAME": "ci-run", "AWS_ENDPOINT_URL": server.url, "HOME": directory.path,
        ]
        let credentials = try await CredentialChain(environment: environment, transport: AWSTransport(retryPolicy: Self.fastRetries)).resolve()
        XCTAssertFalse(credentials.accessKeyID.isEmpty)
        XCTAssertNotNil(credentials.sessionToken)
    }
}
