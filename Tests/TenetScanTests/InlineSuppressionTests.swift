import Foundation
import TenetDocument
import TenetInventory
import TenetScan
import XCTest

final class InlineSuppressionTests: XCTestCase {
    func testReadsTenetAndGuardConventionsFromAYAMLTemplate() throws {
        let template = try FixtureTemplate("templates/inline.yaml")
        let suppressions = try InlineSuppressions.read(from: template.document.root, documentPath: template.path)

        XCTAssertEqual(Set(suppressions.keys), ["templates/inline.yaml#LogBucket", "templates/inline.yaml#ReplicaBucket"])

        let logBucket = try XCTUnwrap(suppressions["templates/inline.yaml#LogBucket"])
        XCTAssertEqual(logBucket.map(\.rule), ["S3_BUCKET_LOGGING_ENABLED", "S3_BUCKET_VERSIONING_*"])
        XCTAssertEqual(logBucket.map(\.origin), [.inlineTenet, .inlineTenet])
        XCTAssertEqual(logBucket.map(\.owner), ["platform-team", "alice@example.com"])
        XCTAssertEqual(logBucket[0].reason, "the log bucket cannot log to itself")
        XCTAssertNil(logBucket[0].resource, "an inline suppression applies to the resource that declares it")
        XCTAssertEqual(logBucket[0].expires, ISO8601DateFormatter().date(from: "2027-01-01T00:00:00Z"), "valid through 2026-12-31 UTC")
        XCTAssertEqual(logBucket[0].expiresAsWritten, "2026-12-31")
        XCTAssertEqual(logBucket[0].location, FileLocation(file: "templates/inline.yaml", line: 9, column: 13))
        XCTAssertNil(logBucket[0].propertyPath)
        XCTAssertEqual(logBucket[1].propertyPath?.description, "/Properties/VersioningConfiguration")
        XCTAssertNil(logBucket[1].expires)

        let replica = try XCTUnwrap(suppressions["templates/inline.yaml#ReplicaBucket"])
        XCTAssertEqual(replica.map(\.rule), ["S3_BUCKET_REPLICATION_ENABLED", "S3_BUCKET_LOGGING_ENABLED"])
        XCTAssertEqual(replica.map(\.origin), [.inlineGuard, .inlineGuard])
        XCTAssertEqual(replica.map(\.owner), [nil, nil], "the registry's convention names no owner; reports show it as lacking one")
        XCTAssertEqual(replica.map(\.reason), [nil, nil])
        XCTAssertEqual(replica.map(\.location), [
            FileLocation(file: "templates/inline.yaml", line: 24, column: 13),
            FileLocation(file: "templates/inline.yaml", line: 25, column: 13),
        ])
    }

    func testReadsBothConventionsFromAJSONTemplate() throws {
        let template = try FixtureTemplate("templates/inline.json")
        let suppressions = try InlineSuppressions.read(from: template.document.root, documentPath: template.path)
        let queue = try XCTUnwrap(suppressions["templates/inline.json#Queue"])
        XCTAssertEqual(queue.map(\.rule), ["SQS_QUEUE_ENCRYPTED", "SQS_DLQ_CONFIGURED"])
        XCTAssertEqual(queue.map(\.origin), [.inlineTenet, .inlineGuard])
        XCTAssertEqual(queue[0].owner, "ci-team")
        XCTAssertEqual(queue[0].expires, ISO8601DateFormatter().date(from: "2027-03-01T12:00:00Z"), "an RFC 3339 time is an exact instant")
    }

    func testATemplateWithoutResourcesHasNoSuppressions() throws {
        let document = try DocumentLoader().load(SourceText(name: "t.yaml", bytes: Array("Description: nothing yet\n".utf8)))
        XCTAssertTrue(try InlineSuppressions.read(from: document.root, documentPath: "t.yaml").isEmpty)
    }

    func testATenetSuppressionWithoutAnOwnerIsRefusedAtItsEntry() throws {
        let template = try FixtureTemplate("templates/inline-missing-owner.yaml")
        let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try InlineSuppressions.read(from: template.document.root, documentPath: template.path) })
        XCTAssertEqual(diagnostic.code, .invalidSuppression)
        XCTAssertEqual(diagnostic.location, FileLocation(file: "templates/inline-missing-owner.yaml", line: 7, column: 13))
        XCTAssertEqual(diagnostic.message, "missing 'owner'; expected the person or team who accepted it")
    }

    func testAMisspeltKeyIsRefusedRatherThanMakingTheSuppressionPermanent() throws {
        let template = try FixtureTemplate("templates/inline-misspelt-key.yaml")
        let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try InlineSuppressions.read(from: template.document.root, documentPath: template.path) })
        XCTAssertEqual(diagnostic.location, FileLocation(file: "templates/inline-misspelt-key.yaml", line: 10, column: 13))
        XCTAssertEqual(diagnostic.message, "unknown key 'expiry'; expected one of rule, path, reason, owner, expires")
    }

    func testGuardSuppressedRulesMustBeAList() throws {
        let template = try FixtureTemplate("templates/inline-guard-not-a-list.yaml")
        let diagnostic = try XCTUnwrap(expectDiagnostic { _ = try InlineSuppressions.read(from: template.document.root, documentPath: template.path) })
        XCTAssertEqual(diagnostic.location, FileLocation(file: "templates/inline-guard-not-a-list.yaml", line: 6, column: 9))
        XCTAssertEqual(diagnostic.message, "'SuppressedRules' must be a list of rule ids")
    }
}
