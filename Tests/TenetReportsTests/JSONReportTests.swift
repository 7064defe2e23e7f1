import Foundation
import Testing
import TenetReports
import TenetScan

@Suite struct JSONReportTests {
    static func report(_ options: ReportOptions = ReportFixture.options()) -> [UInt8] {
        JSONReportEncoder().encode(ReportFixture.scanResult, options: options)
    }

    @Test func validAgainstItsPublishedSchema() throws {
        let validator = JSONSchemaValidator(schemaPath: TestPaths.reportSchema.path)
        #expect(try validator.violations(in: Self.report()) == [])
        #expect(try validator.violations(in: Self.report(ReportFixture.options(policy: FailurePolicy(threshold: .critical)))) == [])
    }

    /// The schema is strict: an unknown field or a misspelt state is refused, so the schema keeps
    /// up with the encoder.
    @Test func schemaRejectsUnknownFieldsAndStates() throws {
        var document = try #require(try JSONSerialization.jsonObject(with: Data(Self.report())) as? [String: Any])
        var evaluations = try #require(document["evaluations"] as? [[String: Any]])
        evaluations[0]["state"] = "BROKEN"
        evaluations[1]["extra"] = true
        document["evaluations"] = evaluations
        let broken = try JSONSerialization.data(withJSONObject: document)
        let violations = try JSONSchemaValidator(schemaPath: TestPaths.reportSchema.path).violations(in: [UInt8](broken))
        #expect(violations.count == 2)
    }

    @Test func carriesEveryEvaluationAndThePolicyVerdict() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(Self.report())) as? [String: Any])
        #expect(document["schemaVersion"] as? String == JSONReportEncoder.schemaVersion)
        let evaluations = try #require(document["evaluations"] as? [[String: Any]])
        #expect(evaluations.count == ReportFixture.evaluations.count)
        #expect(document["passed"] as? Bool == false)
        let summary = try #require(document["summary"] as? [String: Any])
        // The two rule errors, the critical and both high findings fail; the suppressed, the
        // baseline-known low, the info finding and the missing data do not.
        #expect(summary["failing"] as? Int == 5)
        #expect(summary["suppressed"] as? Int == 1)
        let intrinsic = try #require(evaluations.first { $0["ruleId"] as? String == "RDS_STORAGE_ENCRYPTED" })
        let check = try #require((intrinsic["checks"] as? [[String: Any]])?.first)
        #expect(check["unresolvedDependency"] as? String == "parameter EncryptStorage")
        #expect(check["found"] as? [String: String] == ["Ref": "EncryptStorage"])
    }

    @Test func aLaxerPolicyPasses() throws {
        let strictOnlyCritical = ReportFixture.options(policy: FailurePolicy(threshold: .critical))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(Self.report(strictOnlyCritical))) as? [String: Any])
        #expect((document["summary"] as? [String: Any])?["failing"] as? Int == 3)
    }
}
