import Foundation
import TenetAWS
import TenetTestServers
import XCTest

/// Tenet's signatures must equal botocore's, the reference implementation, byte for byte.
final class SigV4SignerTests: XCTestCase {
    private let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    private let instant = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    private struct Case {
        var service: String
        var region = "us-east-1"
        var request: AWSRequest
        var credentials: AWSCredentials? = nil
    }

    private func botocoreAuthorizations(_ cases: [Case]) throws -> [String] {
        let specs: [[String: Any]] = cases.map { testCase in
            let signing = testCase.credentials ?? credentials
            var spec: [String: Any] = [
                "service": testCase.service, "region": testCase.region, "method": testCase.request.method.rawValue,
                "url": testCase.request.url, "headers": testCase.request.headers.map { [$0.name, $0.value] },
                "body": String(decoding: testCase.request.body, as: UTF8.self), "timestamp": "20150830T123600Z",
                "accessKeyID": signing.accessKeyID, "secretAccessKey": signing.secretAccessKey,
            ]
            spec["sessionToken"] = signing.sessionToken
            return spec
        }
        let output = try PythonScript.run("botocore_sign.py", input: try JSONSerialization.data(withJSONObject: specs))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [String])
    }

    func testSignaturesEqualBotocore() throws {
        let aws = AWSEndpoint(host: "example.amazonaws.com")
        let moto = AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 5123)
        let form = [(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")]
        let cases: [Case] = [
            Case(service: "service", request: AWSRequest(method: .get, endpoint: aws)),
            Case(service: "service", request: AWSRequest(method: .get, endpoint: aws, query: [("Param2", "value2"), ("Param1", "value1")])),
            Case(service: "service", request: AWSRequest(method: .get, endpoint: aws, query: [("Param1", "value2"), ("Param1", "value1")])),
            Case(service: "service", request: AWSRequest(method: .get, endpoint: aws, path: "/example space/ü-ñ/a+b=c")),
            Case(service: "ec2", region: "eu-west-1", request: AWSRequest(method: .post, endpoint: moto, headers: form, body: Array("Action=DescribeVolumes&Version=2016-11-15".utf8))),
            Case(service: "iam", request: AWSRequest(method: .post, endpoint: moto, headers: form, body: Array("Action=ListUsers&Version=2010-05-08&Marker=a%2Fb".utf8))),
            Case(service: "kms", request: AWSRequest(
                method: .post, endpoint: moto,
                headers: [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "TrentService.ListKeys")],
                body: Array("{\"Limit\":10}".utf8))),
            Case(service: "s3", request: AWSRequest(method: .get, endpoint: moto, path: "/my-bucket/key with spaces.txt", query: [("encryption", "")])),
            Case(service: "lambda", request: AWSRequest(method: .get, endpoint: moto, path: "/2015-03-31/functions/", query: [("Marker", "abc=="), ("MaxItems", "50")])),
            Case(service: "sts", request: AWSRequest(method: .post, endpoint: moto, headers: form, body: Array("Action=GetCallerIdentity&Version=2011-06-15".utf8)),
                 credentials: AWSCredentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "secret/with+chars", sessionToken: "token+/=")),
            Case(service: "service", request: AWSRequest(method: .get, endpoint: aws, headers: [("My-Header1", "  value1  with   spaces ")])),
        ]
        let expected = try botocoreAuthorizations(cases)
        XCTAssertEqual(expected.count, cases.count)
        for (testCase, reference) in zip(cases, expected) {
            let signer = SigV4Signer(credentials: testCase.credentials ?? credentials, region: testCase.region, service: testCase.service)
            let signed = signer.sign(testCase.request, at: instant)
            XCTAssertEqual(signed.header("Authorization"), reference, "\(testCase.service) \(testCase.request.url)")
        }
    }

    func testSessionTokenAndS3PayloadHashAreSentAndSigned() throws {
        let temporary = AWSCredentials(accessKeyID: "ASIA", secretAccessKey: "s", sessionToken: "session")
        let request = AWSRequest(method: .get, endpoint: AWSEndpoint(host: "s3.amazonaws.com"), path: "/")
        let signed = SigV4Signer(credentials: temporary, region: "us-east-1", service: "s3").sign(request, at: instant)
        XCTAssertEqual(signed.header("X-Amz-Security-Token"), "session")
        XCTAssertEqual(signed.header("X-Amz-Content-Sha256"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(signed.header("X-Amz-Date"), "20150830T123600Z")
        let authorization = try XCTUnwrap(signed.header("Authorization"))
        XCTAssertTrue(authorization.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,"), authorization)
        XCTAssertTrue(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=ASIA/20150830/us-east-1/s3/aws4_request"), authorization)
    }

    func testCredentialsNeverPrintTheirSecrets() {
        let text = "\(AWSCredentials(accessKeyID: "AKIA1", secretAccessKey: "very-secret", sessionToken: "token-secret"))"
        XCTAssertTrue(text.contains("AKIA1"))
        XCTAssertFalse(text.contains("very-secret"))
        XCTAssertFalse(text.contains("token-secret"))
    }
}
