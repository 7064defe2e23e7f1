import Foundation
import TenetAWS
import XCTest

/// Credential resolution from the environment and the shared files, written in a temporary
/// directory (never the user's `~/.aws`).
final class CredentialChainTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    /// Each call writes its own pair of files, so several setups can coexist in one test.
    private func files(credentials: String = "", config: String = "") throws -> [String: String] {
        let name = UUID().uuidString
        return [
            "AWS_SHARED_CREDENTIALS_FILE": try directory.write("\(name)-credentials", credentials),
            "AWS_CONFIG_FILE": try directory.write("\(name)-config", config),
            "HOME": directory.path,
        ]
    }

    func testEnvironmentKeysComeFirst() async throws {
        var environment = try files(credentials: "[default]\naws_access_key_id = FROMFILE\naws_secret_access_key = s\n")
        environment["AWS_ACCESS_KEY_ID"] = "FROMENV"
        environment["AWS_SECRET_ACCESS_KEY"] = "secret"
        environment["AWS_SESSION_TOKEN"] = "token"
        let credentials = try await CredentialChain(environment: environment).resolve()
        XCTAssertEqual(credentials, AWSCredentials(accessKeyID: "FROMENV", secretAccessKey: "secret", sessionToken: "token"))
    }

    func testExplicitProfileSkipsEnvironmentKeys() async throws {
        var environment = try files(credentials: """
            # a comment
            [default]
            aws_access_key_id = DEFAULTKEY
            aws_secret_access_key = default-secret

            [ci]
            aws_access_key_id = CIKEY
            aws_secret_access_key = ci-secret
            """)
        environment["AWS_ACCESS_KEY_ID"] = "FROMENV"
        environment["AWS_SECRET_ACCESS_KEY"] = "secret"
        let credentials = try await CredentialChain(environment: environment, explicitProfile: "ci").resolve()
        XCTAssertEqual(credentials.accessKeyID, "CIKEY")
        XCTAssertEqual(credentials.secretAccessKey, "ci-secret")
    }

    func testConfigFileProfilesAndNestedSettings() async throws {
        var environment = try files(config: """
            [default]
            region = eu-west-1

            [profile staging]
            region = eu-central-1
            s3 =
                max_concurrent_requests = 20
            aws_access_key_id = STAGINGKEY
            aws_secret_access_key = staging-secret
            """)
        environment["AWS_PROFILE"] = "staging"
        let chain = CredentialChain(environment: environment)
        let credentials = try await chain.resolve()
        XCTAssertEqual(credentials.accessKeyID, "STAGINGKEY")
        XCTAssertEqual(try chain.region(), "eu-central-1")
    }

    func testMisconfigurationsExplainThemselves() async throws {
        let cases: [(environment: [String: String], profile: String?, expected: String)] = [
            (try files(), nil, "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"),
            (try files().merging(["AWS_ACCESS_KEY_ID": "AKIA"]) { $1 }, nil, "AWS_SECRET_ACCESS_KEY is not"),
            (try files(), "missing", "the profile 'missing' is in neither"),
            (try files(config: "[profile a]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = a\n"),
             "a", "a → b → a form a source_profile cycle"),
            (try files(config: "[profile r]\nrole_arn = arn:aws:iam::1:role/r\n"), "r", "neither source_profile nor web_identity_token_file"),
        ]
        for (environment, profile, expected) in cases {
            do {
                _ = try await CredentialChain(environment: environment, explicitProfile: profile).resolve()
                XCTFail("expected an error containing \(expected)")
            } catch {
                guard case .credentials(let reason) = error else { XCTFail("\(error)"); continue }
                XCTAssertTrue(reason.contains(expected), reason)
            }
        }
    }
}

final class EndpointResolverTests: XCTestCase {
    func testPrecedence() throws {
        let explicit = AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 1)
        let environment = ["AWS_ENDPOINT_URL_S3": "http://localhost:2", "AWS_ENDPOINT_URL": "http://localhost:3"]
        XCTAssertEqual(try EndpointResolver(explicitEndpoint: explicit, environment: environment).endpoint(for: .s3, region: "eu-west-1"), explicit)
        XCTAssertEqual(try EndpointResolver(environment: environment).endpoint(for: .s3, region: "eu-west-1").description, "http://localhost:2")
        XCTAssertEqual(try EndpointResolver(environment: environment).endpoint(for: .ec2, region: "eu-west-1").description, "http://localhost:3")
        XCTAssertEqual(try EndpointResolver().endpoint(for: .ec2, region: "eu-west-1").description, "https://ec2.eu-west-1.amazonaws.com")
        XCTAssertEqual(try EndpointResolver().endpoint(for: .iam, region: "eu-west-1").description, "https://iam.amazonaws.com")
        XCTAssertThrowsError(try EndpointResolver(environment: ["AWS_ENDPOINT_URL": "localhost:5000"]).endpoint(for: .ec2, region: "us-east-1"))
    }

    func testEndpointURLParsing() {
        XCTAssertEqual(AWSEndpoint(url: "http://127.0.0.1:5000/"), AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 5000))
        XCTAssertEqual(AWSEndpoint(url: "https://ec2.eu-west-1.amazonaws.com")?.description, "https://ec2.eu-west-1.amazonaws.com")
        XCTAssertNil(AWSEndpoint(url: "ftp://example.com"))
        XCTAssertNil(AWSEndpoint(url: "http://host:notaport"))
    }
}

final class AWSTimestampTests: XCTestCase {
    func testEveryFormatAWSUses() {
        let expected = Date(timeIntervalSince1970: 1_795_229_678)
        for text in ["2026-11-21T02:54:38Z", "2026-11-21T02:54:38.000Z", "2026-11-21T02:54:38.000000Z", "2026-11-21T02:54:38.000000000Z", "1795229678"] {
            XCTAssertEqual(AWSTimestamp.parse(text), expected, text)
        }
        XCTAssertEqual(AWSTimestamp.parse("2026-11-21T02:54:38.250+00:00")?.timeIntervalSince1970, 1_795_229_678.25)
        XCTAssertNil(AWSTimestamp.parse("yesterday"))
    }
}
