import Foundation
import TenetDocument
import TenetScan
import XCTest

final class BaselineTests: XCTestCase {
    /// Today's findings on app.yaml: two open, one suppressed, one passing.
    private func appFindings(_ template: FixtureTemplate) -> [Evaluation] {
        var suppressed = template.finding("S3_BUCKET_VERSIONING_ENABLED", "Bucket")
        suppressed.suppression = Suppression(rule: "S3_BUCKET_VERSIONING_ENABLED", reason: "r", owner: "o", expires: nil, origin: .central, location: nil)
        return [
            template.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket", paths: ["/Properties/LoggingConfiguration"]),
            template.finding("EC2_VOLUME_ENCRYPTED", "Volume", paths: ["/Properties/Encrypted"]),
            suppressed,
            template.compliant("S3_BUCKET_SSL_REQUESTS_ONLY", "Bucket"),
        ]
    }

    func testRecordsOpenFindingsSortedWithWhatEachFingerprintWasComputedFrom() throws {
        let baseline = BaselineFile(findingsOf: scanResult(appFindings(try FixtureTemplate("templates/app.yaml"))))
        XCTAssertEqual(baseline.entries.map(\.rule), ["EC2_VOLUME_ENCRYPTED", "S3_BUCKET_LOGGING_ENABLED"], "suppressed and passing verdicts are not recorded")
        XCTAssertEqual(baseline.entries.map(\.resource), ["templates/app.yaml#Volume", "templates/app.yaml#Bucket"])
        XCTAssertEqual(baseline.entries.map(\.propertyPath), ["/Properties/Encrypted", "/Properties/LoggingConfiguration"])
        XCTAssertEqual(
            baseline.entries[1].fingerprint,
            FindingFingerprint(rule: "S3_BUCKET_LOGGING_ENABLED", resource: "templates/app.yaml#Bucket", propertyPath: "/Properties/LoggingConfiguration"))
    }

    func testTheFileIsTheDocumentedDeterministicJSON() throws {
        let findings = appFindings(try FixtureTemplate("templates/app.yaml"))
        let encoded = BaselineFile(findingsOf: scanResult(findings)).encoded
        if ProcessInfo.processInfo.environment["TENET_RECORD"] != nil {
            try encoded.write(toFile: fixturePath("baselines/app.json"), atomically: true, encoding: .utf8)
        }
        let recorded = try String(contentsOfFile: fixturePath("baselines/app.json"), encoding: .utf8)
        XCTAssertEqual(encoded, recorded, "docs/baseline-format.md shows this file; change both together")
        XCTAssertEqual(BaselineFile(findingsOf: scanResult(findings.reversed())).encoded, encoded, "the order of verdicts does not matter")
    }

    func testWrittenBaselinesReadBackUnchanged() throws {
        let baseline = BaselineFile(findingsOf: scanResult(appFindings(try FixtureTemplate("templates/app.yaml"))))
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tenet-baseline.json").path
            try baseline.write(to: path)
            XCTAssertEqual(try BaselineFile.load(contentsOf: path), baseline)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), baseline.encoded)
        }
    }

    /// A check on the whole resource has the empty pointer as its path; its baseline reads back.
    func testAFindingOnTheWholeResourceReadsBack() throws {
        let template = try FixtureTemplate("templates/app.yaml")
        let baseline = BaselineFile(findingsOf: scanResult([template.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket", paths: [""])]))
        XCTAssertEqual(baseline.entries.map(\.propertyPath), [""])
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tenet-baseline.json").path
            try baseline.write(to: path)
            XCTAssertEqual(try BaselineFile.load(contentsOf: path), baseline)
        }
    }

    func testFindingsAreClassedNewOrPersistentAndMissingOnesFixed() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        let baseline = BaselineFile(findingsOf: scanResult(appFindings(app)))
        var result = scanResult([
            app.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket", paths: ["/Properties/LoggingConfiguration"]),
            app.finding("S3_BUCKET_PUBLIC_READ_PROHIBITED", "Bucket", paths: ["/Properties/PublicAccessBlockConfiguration"]),
            app.compliant("EC2_VOLUME_ENCRYPTED", "Volume"),
        ])
        baseline.classify(&result)
        XCTAssertEqual(result.evaluations.map(\.baseline), [.persistent, .new, nil])
        XCTAssertEqual(
            result.fixedFindings,
            [FindingFingerprint(rule: "EC2_VOLUME_ENCRYPTED", resource: "templates/app.yaml#Volume", propertyPath: "/Properties/Encrypted")])
        XCTAssertEqual(FailurePolicy().exitStatus(for: result), .failuresFound, "the new finding fails the run")

        result.evaluations.remove(at: 1)
        baseline.classify(&result)
        XCTAssertEqual(FailurePolicy().exitStatus(for: result), .ok, "a persistent finding alone does not")
    }

    func testAnotherPathOnTheSameResourceIsANewFinding() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        let baseline = BaselineFile(findingsOf: scanResult(appFindings(app)))
        var result = scanResult([app.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket", paths: ["/Properties/LoggingConfiguration/DestinationBucketName"])])
        baseline.classify(&result)
        XCTAssertEqual(result.evaluations.map(\.baseline), [.new])
    }

    func testFingerprintsDoNotChangeWhenResourcesMoveInTheFile() throws {
        let before = try FixtureTemplate("templates/app.yaml")
        let after = try FixtureTemplate("templates/app-moved.yaml", as: "templates/app.yaml")
        let baseline = BaselineFile(findingsOf: scanResult(appFindings(before)))
        var result = scanResult(appFindings(after))

        let lines = { (evaluations: [Evaluation]) in evaluations.map { $0.checks.first?.location?.line ?? $0.resource.location?.line } }
        XCTAssertNotEqual(lines(appFindings(before)), lines(result.evaluations), "the fixture must move every finding to other lines")

        baseline.classify(&result)
        XCTAssertEqual(result.evaluations.map(\.baseline), [.persistent, .persistent, .new, nil])
        XCTAssertEqual(result.fixedFindings, [])
        XCTAssertEqual(BaselineFile(findingsOf: result).encoded, baseline.encoded)
    }

    func testMalformedBaselinesAreRefusedWithTheirLocation() throws {
        let cases: [(file: String, code: DiagnosticCode, line: Int, column: Int, message: String?)] = [
            ("wrong-version.json", .invalidBaseline, 3, 3, "unsupported baseline version; expected 1 (re-record it with --write-baseline)"),
            ("not-a-baseline.json", .invalidBaseline, 1, 1, "not a Tenet baseline; expected \"format\": \"tenet-baseline\""),
            ("tampered.json", .invalidBaseline, 6, 7,
             "the fingerprint does not match this finding's rule, resource and path; expected 3bfbb0e84a19bc0b1d73361ed29a1262 (re-record the baseline rather than editing it)"),
            ("missing-resource.json", .invalidBaseline, 5, 5, "missing 'resource' in this finding"),
            ("truncated.json", .jsonSyntax, 7, 1, nil),
        ]
        for (file, code, line, column, message) in cases {
            let path = fixturePath("baselines/\(file)")
            let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try BaselineFile.load(contentsOf: path) }, file)
            XCTAssertEqual(diagnostic.code, code, file)
            XCTAssertEqual(diagnostic.location, FileLocation(file: path, line: line, column: column), file)
            if let message { XCTAssertEqual(diagnostic.message, message, file) }
        }
    }

    func testAMissingBaselineFileIsAnError() throws {
        let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try BaselineFile.load(contentsOf: fixturePath("baselines/absent.json")) })
        XCTAssertEqual(diagnostic.code, .unreadableFile)
    }
}
