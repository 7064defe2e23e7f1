import Foundation
import Testing
import TenetDocument
import TenetReports
import TenetScan

@Suite struct SARIFReportTests {
    static func report(_ result: ScanResult = ReportFixture.scanResult) -> [UInt8] {
        SARIFReportEncoder().encode(result, options: ReportFixture.options())
    }

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    static func run(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require((try json(bytes)["runs"] as? [[String: Any]])?.first)
    }

    @Test func validAgainstTheSARIFSchema() throws {
        let validator = JSONSchemaValidator(schemaPath: TestPaths.sarifSchema.path)
        #expect(try validator.violations(in: Self.report()) == [])
    }

    /// The validator is real: a report without the required `version` is refused.
    @Test func schemaValidationRejectsABrokenReport() throws {
        var document = try Self.json(Self.report())
        document["version"] = nil
        document["runs"] = "not a list"
        let broken = try JSONSerialization.data(withJSONObject: document)
        let violations = try JSONSchemaValidator(schemaPath: TestPaths.sarifSchema.path).violations(in: [UInt8](broken))
        #expect(violations.count >= 2)
    }

    @Test func rulesCarryDescriptionsHelpAndSecuritySeverityAsAString() throws {
        let rules = try #require((Self.run(Self.report())["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        #expect(rules.count == ReportFixture.rules.count)
        let publicAccess = try #require(rules.first { $0["id"] as? String == "RDS_INSTANCE_PUBLIC_ACCESS_CHECK" })
        #expect((publicAccess["shortDescription"] as? [String: Any])?["text"] as? String == "RDS DB instances are not publicly accessible")
        #expect(((publicAccess["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        #expect(((publicAccess["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        let properties = try #require(publicAccess["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == "9.5")
        #expect((properties["tags"] as? [String])?.contains("public-access") == true)
    }

    @Test func resultsPointAtRelativeFilesWithFullRegions() throws {
        let results = try #require(Self.run(Self.report())["results"] as? [[String: Any]])
        // Non-compliant evaluations only, suppressed included; errors are notifications.
        #expect(results.count == ReportFixture.evaluations.count { $0.state == .nonCompliant })
        let publicAccess = try #require(results.first { $0["ruleId"] as? String == "RDS_INSTANCE_PUBLIC_ACCESS_CHECK" })
        #expect(publicAccess["level"] as? String == "error")
        let physical = try #require(((publicAccess["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "templates/storage.yaml")
        let region = try #require(physical["region"] as? [String: Int])
        // `      PubliclyAccessible: true`: from the value to the end of the line.
        #expect(region == ["startLine": 30, "startColumn": 27, "endLine": 30, "endColumn": 31])
    }

    @Test func suppressedFindingsCarrySuppressions() throws {
        let results = try #require(Self.run(Self.report())["results"] as? [[String: Any]])
        let suppressed = try #require(results.first { $0["ruleId"] as? String == "EC2_SECURITY_GROUP_RDP_RESTRICTED" })
        let suppression = try #require((suppressed["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "inSource")
        #expect(suppression["status"] as? String == "accepted")
        #expect((suppression["justification"] as? String)?.contains("corporate VPN") == true)
        #expect((suppression["properties"] as? [String: String])?["owner"] == "network-team")
    }

    /// Moving a resource down its file moves its region but not its fingerprints, so GitHub keeps
    /// one alert for it.
    @Test func fingerprintsStayWhenLinesMove() throws {
        func fingerprints(_ result: ScanResult) throws -> [[String: String]] {
            try #require(Self.run(Self.report(result))["results"] as? [[String: Any]]).map { try #require($0["partialFingerprints"] as? [String: String]) }
        }
        var moved = ReportFixture.scanResult
        moved.evaluations = moved.evaluations.map { evaluation in
            var evaluation = evaluation
            evaluation.resource.location?.position.line += 40
            evaluation.checks = evaluation.checks.map { check in
                var check = check
                check.location?.position.line += 40
                return check
            }
            return evaluation
        }
        let before = try fingerprints(ReportFixture.scanResult)
        #expect(try fingerprints(moved) == before)
        #expect(Set(before.compactMap { $0["primaryLocationLineHash"] }).count == before.count)
        #expect(String(decoding: Self.report(moved), as: UTF8.self) != String(decoding: Self.report(), as: UTF8.self))
    }

    @Test func errorsAndMissingDataAreNotifications() throws {
        let invocation = try #require((Self.run(Self.report())["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.map { $0["level"] as? String } == ["warning", "error", "error"])
    }
}
