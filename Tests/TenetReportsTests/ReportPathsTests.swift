import Foundation
import Testing
import TenetDocument
import TenetReports
import TenetScan

/// Documents named by absolute path (a CI job passing `$PWD/templates`) are reported relative to
/// the base directory, the repository root CI systems resolve paths against.
@Suite struct ReportPathsTests {
    static func result(document: String) -> ScanResult {
        let rule = ReportFixture.managedRule("RDS_INSTANCE_PUBLIC_ACCESS_CHECK")
        let database = ReportFixture.resource(document, "ReportsDatabase", "AWS::RDS::DBInstance", line: 22)
        let check = FailingCheck(
            propertyPath: JSONPointer(parsing: "/Properties/PubliclyAccessible"), found: true, expected: false, message: nil,
            reason: "PubliclyAccessible is true", location: FileLocation(file: document, line: 30, column: 27))
        return ScanResult(
            rules: [rule], documents: [document],
            evaluations: [Evaluation(ruleID: rule.id, resource: database, state: .nonCompliant, checks: [check])],
            evaluatedAt: ReportFixture.date("2026-11-20T12:00:00Z"))
    }

    static func sarifLocation(_ result: ScanResult) throws -> [String: Any] {
        let bytes = SARIFReportEncoder().encode(result, options: ReportFixture.options())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let location = try #require(((run["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first)
        return try #require(location["physicalLocation"] as? [String: Any])
    }

    @Test func absolutePathsUnderTheBaseBecomeRelative() throws {
        let absolute = TestPaths.fixtures.appending(path: "templates/storage.yaml").path
        let physical = try Self.sarifLocation(Self.result(document: absolute))
        #expect((physical["artifactLocation"] as? [String: String]) == ["uri": "templates/storage.yaml", "uriBaseId": "%SRCROOT%"])
        // The source line was still found: the region runs to the end of `PubliclyAccessible: true`.
        #expect((physical["region"] as? [String: Int])?["endColumn"] == 31)
        for format in ReportFormat.allCases {
            let output = String(decoding: format.encoder.encode(Self.result(document: absolute), options: ReportFixture.options()), as: UTF8.self)
            #expect(!output.contains(TestPaths.fixtures.path), "\(format)")
        }
        let text = String(decoding: TextReportEncoder().encode(Self.result(document: absolute), options: ReportFixture.options()), as: UTF8.self)
        #expect(text.contains("--> templates/storage.yaml:30:27\n"))
        #expect(text.contains("30 |       PubliclyAccessible: true\n"))
    }

    @Test func pathsOutsideTheBaseStayAbsoluteFileURIs() throws {
        let physical = try Self.sarifLocation(Self.result(document: "/srv/other checkout/app.yaml"))
        #expect((physical["artifactLocation"] as? [String: String]) == ["uri": "file:///srv/other%20checkout/app.yaml"])
    }
}
