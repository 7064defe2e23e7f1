import Foundation
import Testing
import TenetReports
import TenetScan
import TenetXML

@Suite struct JUnitReportTests {
    static func report(_ options: ReportOptions = ReportFixture.options(), result: ScanResult = ReportFixture.scanResult) -> [UInt8] {
        JUnitReportEncoder().encode(result, options: options)
    }

    static func testCases(_ bytes: [UInt8]) throws -> [XMLElement] {
        try XMLReader.parse(bytes).children("testsuite").flatMap { $0.children("testcase") }
    }

    @Test func validAgainstTheSchemaWithLocations() throws {
        let validator = try XMLSchemaValidator(schemaPath: TestPaths.junitWithLocationsSchema.path)
        for options in [ReportFixture.options(), ReportFixture.options(junitAll: true),
                        ReportFixture.options(policy: FailurePolicy(failOnInsufficientData: true))] {
            #expect(validator.validate(Self.report(options)) == [])
        }
    }

    @Test func withoutLocationsValidAgainstThePlainSchema() throws {
        let plain = try XMLSchemaValidator(schemaPath: TestPaths.junitSchema.path)
        #expect(plain.validate(Self.report(ReportFixture.options(junitNoLocations: true))) == [])
        #expect(plain.validate(Self.report(ReportFixture.options(junitAll: true, junitNoLocations: true))) == [])
        // The plain schema refuses `file`/`line`, so this proves the option removes them.
        #expect(!plain.validate(Self.report()).isEmpty)
    }

    @Test func oneSuitePerFileWithCountsThatAddUp() throws {
        let root = try XMLReader.parse(Self.report())
        #expect(root.name == "testsuites")
        let suites = root.children("testsuite")
        #expect(suites.map { $0.attribute("name") } == ["templates/network.yaml", "templates/storage.yaml"])
        for suite in suites {
            let cases = suite.children("testcase")
            #expect(suite.attribute("tests") == String(cases.count))
            #expect(suite.attribute("failures") == String(cases.count { $0.child("failure") != nil }))
            #expect(suite.attribute("errors") == String(cases.count { $0.child("error") != nil }))
            #expect(suite.attribute("skipped") == String(cases.count { $0.child("skipped") != nil }))
        }
        let allCases = suites.flatMap { $0.children("testcase") }
        #expect(root.attribute("tests") == String(allCases.count))
        #expect(root.attribute("failures") == String(allCases.count { $0.child("failure") != nil }))
    }

    @Test func namesAreUniqueAndClassnamesHaveNoDots() throws {
        for options in [ReportFixture.options(), ReportFixture.options(junitAll: true)] {
            let suites = try XMLReader.parse(Self.report(options)).children("testsuite")
            for suite in suites {
                let names = suite.children("testcase").compactMap { $0.attribute("name") }
                #expect(Set(names).count == names.count)
                #expect(suite.children("testcase").allSatisfy { $0.attribute("classname")?.contains(".") == false })
            }
            #expect(suites.first?.children("testcase").first?.attribute("classname") == "templates/network_yaml")
        }
    }

    @Test func statesMapToTheirElements() throws {
        // Keyed by file and name: names are unique within a file's suite.
        let cases = try Dictionary(uniqueKeysWithValues: XMLReader.parse(Self.report()).children("testsuite").flatMap { suite in
            suite.children("testcase").map { ("\(suite.attribute("name")!) \($0.attribute("name")!)", $0) }
        })
        let publicAccess = try #require(cases["templates/storage.yaml RDS_INSTANCE_PUBLIC_ACCESS_CHECK ReportsDatabase"])
        let failure = try #require(publicAccess.child("failure"))
        #expect(failure.attribute("type") == "RDS_INSTANCE_PUBLIC_ACCESS_CHECK")
        #expect(failure.attribute("message")?.contains("RDS instances must not be reachable from the internet") == true)
        #expect(failure.text.contains("found: true"))
        #expect(failure.text.contains("Fix: "))
        #expect(publicAccess.attribute("file") == "templates/storage.yaml")
        #expect(publicAccess.attribute("line") == "30")

        let suppressed = try #require(cases["templates/network.yaml EC2_SECURITY_GROUP_RDP_RESTRICTED AdminSecurityGroup"]?.child("skipped"))
        #expect(suppressed.attribute("message")?.contains("suppressed by network-team until 2027-03-31T23:59:59Z") == true)
        #expect(cases["templates/network.yaml team-rules/require_owner_tag WebSecurityGroup"]?.child("error")?.attribute("type") == "ERROR")
        #expect(cases["templates/network.yaml S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC account"]?.child("skipped") != nil)
        #expect(cases["templates/storage.yaml S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: 2 resources compliant"]?.children.isEmpty == true)
        #expect(cases["templates/storage.yaml DMS_REPLICATION_NOT_PUBLIC: applied to no resource"]?.child("skipped") != nil)
        #expect(cases["templates/storage.yaml RDS_INSTANCE_PERFORMANCE_INSIGHTS_ENABLED: applied to no resource"]?.child("skipped")?.attribute("message")?.contains("not applicable") == true)
        // Compliant pairs are summarised, not listed.
        #expect(cases["templates/storage.yaml S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED ArchiveBucket"] == nil)
    }

    @Test func insufficientDataIsAnErrorWhenThePolicyFailsOnIt() throws {
        let name = "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC account"
        let strict = try Self.testCases(Self.report(ReportFixture.options(policy: FailurePolicy(failOnInsufficientData: true))))
        let testCase = try #require(strict.first { $0.attribute("name") == name && $0.child("error") != nil })
        #expect(testCase.child("error")?.attribute("type") == "INSUFFICIENT_DATA")
    }

    @Test func junitAllListsEveryPair() throws {
        let names = try Self.testCases(Self.report(ReportFixture.options(junitAll: true))).compactMap { $0.attribute("name") }
        #expect(names.contains("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED ArchiveBucket"))
        #expect(names.contains("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED ReportsBucket"))
        #expect(names.contains("RDS_INSTANCE_PERFORMANCE_INSIGHTS_ENABLED ReportsDatabase"))
        #expect(!names.contains { $0.hasSuffix("resources compliant") })
        // Every evaluation is a test case, plus one per (file, rule) that applied to nothing there.
        let pairs = ReportFixture.scanResult.evaluations.count
        let unapplied = ReportFixture.scanResult.documents.reduce(0) { total, document in
            total + ReportFixture.rules.count { rule in
                !ReportFixture.evaluations.contains { $0.ruleID == rule.id && $0.resource.document == document }
            }
        }
        #expect(names.count == pairs + unapplied)
    }

    /// A compliant summary case per rule scales: 132 compliant resources are one test case.
    @Test func compliantResourcesAreOneCasePerRule() throws {
        let resources = (1...132).map { ReportFixture.resource(ReportFixture.storage, "Bucket\($0)", "AWS::S3::Bucket", line: $0) }
        let result = ScanResult(
            rules: [ReportFixture.managedRule("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")], documents: [ReportFixture.storage],
            evaluations: resources.map { Evaluation(ruleID: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", resource: $0, state: .compliant) },
            evaluatedAt: ReportFixture.date("2026-11-20T12:00:00Z"))
        let names = try Self.testCases(Self.report(result: result)).compactMap { $0.attribute("name") }
        #expect(names == ["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: 132 resources compliant"])
    }

    /// Two resources that show the same name in one file (a logical id and a bare id) still get
    /// distinct test cases: GitLab would keep only the first of two equal names.
    @Test func clashingNamesGetASuffix() throws {
        let rule = ReportFixture.managedRule("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")
        let logical = ReportFixture.resource(ReportFixture.storage, "Bucket", "AWS::S3::Bucket", line: 3)
        let bare = ScannedResource(id: "Bucket", type: "AWS::S3::Bucket", document: ReportFixture.storage)
        let result = ScanResult(
            rules: [rule], documents: [ReportFixture.storage],
            evaluations: [logical, bare].map { Evaluation(ruleID: rule.id, resource: $0, state: .error, detail: "rule failed") },
            evaluatedAt: ReportFixture.date("2026-11-20T12:00:00Z"))
        let names = try Self.testCases(Self.report(result: result)).compactMap { $0.attribute("name") }
        #expect(names == ["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED Bucket", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED Bucket (2)"])
    }
}
