import Foundation
import TenetDocument
import TenetScan
import XCTest

final class SuppressionPolicyTests: XCTestCase {
    private func centralPolicy() throws -> SuppressionPolicy {
        SuppressionPolicy(central: try CentralSuppressions.load(contentsOf: fixturePath("suppressions/central.yaml")))
    }

    func testCentralSuppressionsMatchById() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        var result = scanResult([app.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket"), app.finding("S3_BUCKET_LOGGING_ENABLED", "Volume")])
        try centralPolicy().apply(to: &result)
        XCTAssertEqual(result.evaluations[0].suppression?.owner, "web-team")
        XCTAssertEqual(result.evaluations[0].suppression?.reason, "assets are public and served through CloudFront, which logs")
        XCTAssertEqual(result.evaluations[0].suppression?.expiresAsWritten, "2026-12-31")
        XCTAssertNil(result.evaluations[1].suppression, "the id names one resource only")
        XCTAssertEqual(result.evaluations[0].state, .nonCompliant, "a suppressed finding is still reported as what it is")
    }

    func testCentralSuppressionsMatchByType() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        var result = scanResult([app.finding("EC2_EBS_ENCRYPTION_BY_DEFAULT", "Volume"), app.finding("EC2_EBS_ENCRYPTION_BY_DEFAULT", "Bucket")])
        try centralPolicy().apply(to: &result)
        XCTAssertEqual(result.evaluations[0].suppression?.owner, "platform-team")
        XCTAssertNil(result.evaluations[1].suppression, "AWS::EC2::Volume does not name a bucket")
    }

    func testCentralSuppressionsMatchByPatternOverRulesAndIds() throws {
        let site = try FixtureTemplate("templates/site.yaml")
        let app = try FixtureTemplate("templates/app.yaml")
        var result = scanResult([
            site.finding("S3_BUCKET_PUBLIC_READ_PROHIBITED", "WebsiteBucket"),
            site.finding("S3_BUCKET_LOGGING_ENABLED", "WebsiteBucket"),
            app.finding("S3_BUCKET_PUBLIC_READ_PROHIBITED", "Bucket"),
        ])
        try centralPolicy().apply(to: &result)
        XCTAssertEqual(result.evaluations[0].suppression?.rule, "S3_*_PUBLIC_*")
        XCTAssertNil(result.evaluations[1].suppression, "the rule pattern does not match")
        XCTAssertNil(result.evaluations[2].suppression, "the resource pattern does not match")
    }

    func testAccountLevelFindingsAreSelectedByTheAccountType() throws {
        let central = try CentralSuppressions.parse(SourceText(name: "central.yaml", bytes: Array("""
            suppressions:
              - rule: CLOUDTRAIL_ENABLED
                resource: AWS::::Account
                reason: the organization trail is defined in the landing zone
                owner: security-team
            """.utf8)))
        let app = try FixtureTemplate("templates/app.yaml")
        var result = scanResult([
            Evaluation(ruleID: "CLOUDTRAIL_ENABLED", resource: .account(ofDocument: app.path), state: .nonCompliant,
                       checks: [FailingCheck(propertyPath: nil, found: nil, expected: nil, message: nil, reason: "no trail", location: nil)]),
            app.finding("CLOUDTRAIL_ENABLED", "Bucket"),
        ])
        SuppressionPolicy(central: central).apply(to: &result)
        XCTAssertEqual(result.evaluations.map { $0.suppression?.owner }, ["security-team", nil])
    }

    func testAPathSuppressesOnlyWhenEveryFailingCheckLiesUnderIt() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        var result = scanResult([
            app.finding("S3_BUCKET_SSL_REQUESTS_ONLY", "Bucket", paths: ["/Properties/BucketPolicy/Statement/0/Condition"]),
            app.finding("S3_BUCKET_SSL_REQUESTS_ONLY", "Bucket", paths: ["/Properties/BucketPolicy"]),
            app.finding("S3_BUCKET_SSL_REQUESTS_ONLY", "Bucket", paths: ["/Properties/BucketPolicy", "/Properties/BucketName"]),
            app.finding("S3_BUCKET_SSL_REQUESTS_ONLY", "Bucket", paths: ["/Properties/BucketPolicyDocument"]),
        ])
        try centralPolicy().apply(to: &result)
        XCTAssertEqual(result.evaluations.map { $0.suppression?.owner }, ["cdn-team", "cdn-team", nil, nil])
    }

    func testAnExpiredSuppressionNoLongerSuppressesAndIsReported() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        var result = scanResult([
            app.finding("S3_BUCKET_VERSIONING_ENABLED", "Bucket"),
            app.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket"),
        ])
        try centralPolicy().apply(to: &result)
        XCTAssertNil(result.evaluations[0].suppression)
        XCTAssertEqual(result.expiredSuppressions.map(\.rule), ["S3_BUCKET_VERSIONING_ENABLED"])
        XCTAssertEqual(result.expiredSuppressions.first?.owner, "web-team")
        XCTAssertEqual(FailurePolicy().exitStatus(for: result), .failuresFound, "the finding fails the run again")
    }

    func testADateOnlyExpiryIsValidThroughThatDayInUTC() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        let policy = try centralPolicy()
        let iso = ISO8601DateFormatter()
        var lastSecond = scanResult([app.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket")], at: iso.date(from: "2026-12-31T23:59:59Z")!)
        var nextDay = scanResult([app.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket")], at: iso.date(from: "2027-01-01T00:00:00Z")!)
        policy.apply(to: &lastSecond)
        policy.apply(to: &nextDay)
        XCTAssertNotNil(lastSecond.evaluations[0].suppression)
        XCTAssertTrue(lastSecond.expiredSuppressions.isEmpty)
        XCTAssertNil(nextDay.evaluations[0].suppression)
        XCTAssertEqual(nextDay.expiredSuppressions.map(\.expiresAsWritten), ["2026-12-31"])
    }

    func testOnlyNonCompliantVerdictsAreSuppressed() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        var failedToRun = app.compliant("S3_BUCKET_LOGGING_ENABLED", "Bucket")
        failedToRun.state = .error
        failedToRun.detail = "the rule could not be evaluated"
        var result = scanResult([app.compliant("S3_BUCKET_LOGGING_ENABLED", "Bucket"), failedToRun])
        try centralPolicy().apply(to: &result)
        XCTAssertEqual(result.evaluations.map { $0.suppression == nil }, [true, true])
        XCTAssertEqual(FailurePolicy().exitStatus(for: result), .failuresFound, "an error is never an accepted risk")
    }

    func testSuppressedFindingsDoNotFailTheRun() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        var result = scanResult([app.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket"), app.finding("EC2_EBS_ENCRYPTION_BY_DEFAULT", "Volume")])
        XCTAssertEqual(FailurePolicy().exitStatus(for: result), .failuresFound)
        try centralPolicy().apply(to: &result)
        XCTAssertEqual(FailurePolicy().exitStatus(for: result), .ok)
    }

    func testInlineSuppressionsOfBothConventionsApplyToTheirOwnResource() throws {
        let template = try FixtureTemplate("templates/inline.yaml")
        let inline = try InlineSuppressions.read(from: template.document.root, documentPath: template.path)
        var result = scanResult([
            template.finding("S3_BUCKET_LOGGING_ENABLED", "LogBucket"),
            template.finding("S3_BUCKET_VERSIONING_ENABLED", "LogBucket", paths: ["/Properties/VersioningConfiguration/Status"]),
            template.finding("S3_BUCKET_VERSIONING_ENABLED", "LogBucket", paths: ["/Properties/BucketName"]),
            template.finding("S3_BUCKET_REPLICATION_ENABLED", "ReplicaBucket"),
            template.finding("S3_BUCKET_LOGGING_ENABLED", "DataBucket"),
        ])
        SuppressionPolicy(central: [], inline: inline).apply(to: &result)
        XCTAssertEqual(result.evaluations.map { $0.suppression?.origin }, [.inlineTenet, .inlineTenet, nil, .inlineGuard, nil])
        XCTAssertEqual(result.evaluations[0].suppression?.owner, "platform-team")
        XCTAssertNil(result.evaluations[3].suppression?.owner, "shown as lacking an owner")
        XCTAssertEqual(result.evaluations[3].suppression?.location, FileLocation(file: "templates/inline.yaml", line: 24, column: 13))
    }

    func testNoInlineSuppressionsIgnoresTemplateMetadata() throws {
        let template = try FixtureTemplate("templates/inline.yaml")
        let inline = try InlineSuppressions.read(from: template.document.root, documentPath: template.path)
        var result = scanResult([
            template.finding("S3_BUCKET_LOGGING_ENABLED", "LogBucket"),
            template.finding("S3_BUCKET_REPLICATION_ENABLED", "ReplicaBucket"),
        ])
        SuppressionPolicy(central: [], inline: inline, honoursInline: false).apply(to: &result)
        XCTAssertEqual(result.evaluations.map { $0.suppression == nil }, [true, true])
        XCTAssertEqual(FailurePolicy().exitStatus(for: result), .failuresFound)
    }

    func testCentralSuppressionsTakePrecedenceOverInlineOnes() throws {
        let template = try FixtureTemplate("templates/inline.yaml")
        let inline = try InlineSuppressions.read(from: template.document.root, documentPath: template.path)
        let central = try CentralSuppressions.parse(SourceText(name: "central.yaml", bytes: Array("""
            suppressions:
              - rule: S3_BUCKET_LOGGING_ENABLED
                resource: AWS::S3::Bucket
                reason: bucket access is logged by CloudTrail data events
                owner: security-team
            """.utf8)))
        var result = scanResult([template.finding("S3_BUCKET_LOGGING_ENABLED", "LogBucket")])
        SuppressionPolicy(central: central, inline: inline).apply(to: &result)
        XCTAssertEqual(result.evaluations[0].suppression?.origin, .central)
        XCTAssertEqual(result.evaluations[0].suppression?.owner, "security-team")
    }

    func testApplyingTwiceGivesTheSameResult() throws {
        let app = try FixtureTemplate("templates/app.yaml")
        var result = scanResult([app.finding("S3_BUCKET_VERSIONING_ENABLED", "Bucket"), app.finding("S3_BUCKET_LOGGING_ENABLED", "Bucket")])
        let policy = try centralPolicy()
        policy.apply(to: &result)
        policy.apply(to: &result)
        XCTAssertEqual(result.expiredSuppressions.count, 1)
        XCTAssertEqual(result.evaluations.map { $0.suppression?.rule }, [nil, "S3_BUCKET_LOGGING_ENABLED"])
        SuppressionPolicy(central: []).apply(to: &result)
        XCTAssertEqual(result.evaluations.map { $0.suppression?.rule }, [nil, nil], "suppressions from an earlier application are cleared")
        XCTAssertTrue(result.expiredSuppressions.isEmpty)
    }
}
