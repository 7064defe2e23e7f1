import Foundation
import TenetDocument
import TenetScan
import XCTest

final class CentralSuppressionTests: XCTestCase {
    func testReadsEntriesByIdTypePatternAndPath() throws {
        let suppressions = try CentralSuppressions.load(contentsOf: fixturePath("suppressions/central.yaml"))
        XCTAssertEqual(suppressions.map(\.rule), [
            "S3_BUCKET_LOGGING_ENABLED", "EC2_EBS_ENCRYPTION_BY_DEFAULT", "S3_*_PUBLIC_*", "S3_BUCKET_SSL_REQUESTS_ONLY",
            "S3_BUCKET_VERSIONING_ENABLED",
        ])
        XCTAssertEqual(suppressions.map(\.resource), [
            "templates/app.yaml#Bucket", "AWS::EC2::Volume", "templates/*#Website*", "templates/app.yaml#Bucket", "templates/app.yaml#Bucket",
        ])
        XCTAssertTrue(suppressions.allSatisfy { $0.origin == .central })
        XCTAssertEqual(suppressions.map(\.propertyPath?.description), [nil, nil, nil, "/Properties/BucketPolicy", nil])
        XCTAssertEqual(suppressions.map(\.expiresAsWritten), ["2026-12-31", nil, "2027-06-30T17:00:00Z", nil, "2026-01-31"])
        XCTAssertEqual(suppressions[2].expires, ISO8601DateFormatter().date(from: "2027-06-30T17:00:00Z"))
        XCTAssertEqual(suppressions[1].owner, "platform-team")
        XCTAssertEqual(suppressions[1].reason, "the account default encrypts every volume")
        XCTAssertEqual(suppressions[1].location?.line, 10)
        XCTAssertTrue(suppressions[1].location?.file.hasSuffix("suppressions/central.yaml") == true)
    }

    func testAnEmptyListMeansNoSuppressions() throws {
        XCTAssertEqual(try CentralSuppressions.load(contentsOf: fixturePath("suppressions/empty.yaml")), [])
    }

    func testAMissingOwnerIsRefusedWithTheEntrysLocation() throws {
        let path = fixturePath("suppressions/missing-owner.yaml")
        let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try CentralSuppressions.load(contentsOf: path) })
        XCTAssertEqual(diagnostic.code, .invalidSuppression)
        XCTAssertEqual(diagnostic.location, FileLocation(file: path, line: 7, column: 5))
        XCTAssertEqual(diagnostic.message, "missing 'owner'; expected the person or team who accepted it")
        XCTAssertEqual(diagnostic.sourceLine, "  - rule: EC2_EBS_ENCRYPTION_BY_DEFAULT", "the rendered error quotes the line")
        XCTAssertTrue(diagnostic.description.hasPrefix("\(path):7:5: error[suppression.invalid]"))
    }

    func testADateThatDoesNotExistIsRefused() throws {
        let path = fixturePath("suppressions/bad-date.yaml")
        let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try CentralSuppressions.load(contentsOf: path) })
        XCTAssertEqual(diagnostic.location, FileLocation(file: path, line: 7, column: 5))
        XCTAssertEqual(
            diagnostic.message,
            "'expires' is not a valid date; expected a date YYYY-MM-DD (valid through that day, UTC) or an RFC 3339 time such as 2026-12-31T18:00:00Z")
    }

    func testAnUnknownKeyIsRefused() throws {
        let path = fixturePath("suppressions/unknown-key.yaml")
        let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try CentralSuppressions.load(contentsOf: path) })
        XCTAssertEqual(diagnostic.location, FileLocation(file: path, line: 4, column: 5))
        XCTAssertEqual(diagnostic.message, "unknown key 'resources'; expected one of rule, resource, path, reason, owner, expires")
    }

    func testAPathMustBeAJSONPointer() throws {
        let path = fixturePath("suppressions/bad-path.yaml")
        let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try CentralSuppressions.load(contentsOf: path) })
        XCTAssertEqual(diagnostic.location, FileLocation(file: path, line: 5, column: 5))
        XCTAssertEqual(diagnostic.message, "'path' must be a JSON pointer under the resource, such as /Properties/BucketEncryption")
    }

    func testOtherShapesAreRefusedWithWhatWasExpected() throws {
        let cases: [(text: String, line: Int, column: Int, message: String)] = [
            ("- rule: X\n", 1, 1, "a suppressions file is a mapping with 'version: 1' and a 'suppressions' list"),
            ("version: 2\nsuppressions: []\n", 1, 1, "unsupported suppressions file version; expected 1"),
            ("version: 1\n", 1, 1, "missing 'suppressions'; expected a list of suppressions"),
            ("suppressions: {rule: X}\n", 1, 1, "'suppressions' must be a list of {rule, resource, path, reason, owner, expires}"),
            ("suppressions:\n  - S3_BUCKET_LOGGING_ENABLED\n", 2, 5, "a suppression is a mapping of rule, resource, path, reason, owner, expires; found a string"),
            ("suppressions:\n  - {rule: X, resource: Y, reason: '  ', owner: o}\n", 2, 28, "'reason' must be a non-empty string: why the finding is accepted"),
            ("suppressions:\n  - {rule: X, resource: Y, reason: r, owner: o, expires: 20261231}\n", 2, 49,
             "'expires' is not a valid date; expected a date YYYY-MM-DD (valid through that day, UTC) or an RFC 3339 time such as 2026-12-31T18:00:00Z"),
        ]
        for (text, line, column, message) in cases {
            let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try CentralSuppressions.parse(SourceText(name: "s.yaml", bytes: Array(text.utf8))) }, text)
            XCTAssertEqual(diagnostic.message, message, text)
            XCTAssertEqual(diagnostic.location, FileLocation(file: "s.yaml", line: line, column: column), text)
        }
    }

    func testTheDefaultFileIsUsedWhenPresentAndNoneIsNamed() throws {
        try withTemporaryDirectory { directory in
            XCTAssertEqual(try CentralSuppressions.load(named: nil, orDefaultIn: directory.path), [], "no default file, no suppressions")
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(".tenet"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: fixturePath("suppressions/central.yaml"), toPath: directory.appendingPathComponent(".tenet/suppressions.yaml").path)
            XCTAssertEqual(try CentralSuppressions.load(named: nil, orDefaultIn: directory.path).count, 5)
            let named = try CentralSuppressions.load(named: fixturePath("suppressions/empty.yaml"), orDefaultIn: directory.path)
            XCTAssertEqual(named, [], "a named file replaces the default")
        }
    }

    func testANamedFileThatDoesNotExistIsAnError() throws {
        let diagnostic = try XCTUnwrap(expectDiagnostic {
            _ = try CentralSuppressions.load(named: fixturePath("suppressions/absent.yaml"), orDefaultIn: fixturesDirectory.path)
        })
        XCTAssertEqual(diagnostic.code, .unreadableFile)
    }
}
