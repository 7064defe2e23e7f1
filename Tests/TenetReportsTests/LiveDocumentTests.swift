import Foundation
import Testing
import TenetDocument
import TenetInventory
import TenetReports
import TenetScan
import TenetXML

/// How every format presents what `tenet scan aws` finds: the live collection is named
/// `aws:ACCOUNT:REGIONS` but is no file, so no report gives it (or its resources and account) a
/// file, line or column; SARIF names the resources by logical location alone. The outputs are
/// goldens, kept in `reports/samples` as `live.*`.
@Suite struct LiveDocumentTests {
    static let document = "aws:123456789012:eu-west-1"
    static let reportsBucket = ScannedResource(id: "arn:aws:s3:::acme-reports", type: "AWS::S3::Bucket", document: document)
    static let archiveBucket = ScannedResource(id: "arn:aws:s3:::acme-archive", type: "AWS::S3::Bucket", document: document)
    static let logGroup = ScannedResource(id: "arn:aws:logs:eu-west-1:123456789012:log-group:/acme/reports", type: "AWS::Logs::LogGroup", document: document)
    static let account = ScannedResource(id: ResourceID(document), type: .account, document: document)

    /// A live snapshot of one account and region: an open finding, a compliant resource, an
    /// account finding, a finding accepted in the suppressions file (a real file, which keeps its
    /// location) and a type the collector could not read.
    static var result: ScanResult {
        let rules = [
            "LOGS_LOG_GROUP_RETENTION_DEFINED", "RDS_STORAGE_ENCRYPTED", "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC",
            "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
        ].map(ReportFixture.managedRule)
        let evaluations = [
            Evaluation(
                ruleID: "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", resource: account, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: nil, found: nil, expected: nil, message: nil,
                    reason: "no AWS::S3::AccountPublicAccessBlock blocks public ACLs and policies for the account", location: nil)]),
            Evaluation(
                ruleID: "RDS_STORAGE_ENCRYPTED",
                resource: ScannedResource(id: ResourceID("\(document)#AWS::RDS::DBInstance"), type: "AWS::RDS::DBInstance", document: document),
                state: .insufficientData, detail: "AWS::RDS::DBInstance could not be read: rds: AccessDenied (HTTP 403)"),
            Evaluation(ruleID: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", resource: archiveBucket, state: .compliant),
            Evaluation(
                ruleID: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", resource: reportsBucket, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: ReportFixture.pointer("/Properties"), found: nil, expected: nil, message: nil,
                    reason: "BucketEncryption does not exist", location: nil)]),
            Evaluation(
                ruleID: "LOGS_LOG_GROUP_RETENTION_DEFINED", resource: logGroup, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: ReportFixture.pointer("/Properties/RetentionInDays"), found: nil, expected: nil, message: nil,
                    reason: "RetentionInDays does not exist", location: nil)],
                suppression: Suppression(
                    rule: "LOGS_LOG_GROUP_RETENTION_DEFINED", resource: "arn:aws:logs:*:*:log-group:/acme/*",
                    reason: "Kept by the log archive account's subscription", owner: "observability", expires: ReportFixture.date("2027-06-30T23:59:59Z"),
                    origin: .central, location: FileLocation(file: ".tenet/suppressions.yaml", line: 2, column: 5))),
        ]
        return ScanResult(
            rules: rules, documents: [document], liveDocuments: [document], evaluations: evaluations,
            evaluatedAt: ReportFixture.date("2026-11-20T12:00:00Z"))
    }

    static let variants: [(name: String, format: ReportFormat)] = [
        ("live.txt", .text), ("live.json", .json), ("live.junit.xml", .junit), ("live.sarif", .sarif), ("live.csv", .csv),
        ("live.github.txt", .github),
    ]

    static func report(_ format: ReportFormat, options: ReportOptions = ReportFixture.options()) -> [UInt8] {
        format.encoder.encode(result, options: options)
    }

    static func text(_ format: ReportFormat) -> String {
        String(decoding: report(format), as: UTF8.self)
    }

    @Test(arguments: variants.map(\.name))
    func matchesGolden(_ name: String) throws {
        let format = try #require(Self.variants.first { $0.name == name }).format
        try Golden.check(Self.report(format), named: name)
    }

    @Test func noFormatPointsIntoTheLiveCollection() {
        for (name, format) in Self.variants {
            let output = Self.text(format)
            for pointer in ["--> \(Self.document)", "file=\(Self.document)", "file=aws", "\"file\": \"\(Self.document)", "\"uri\": \"aws", "file=\"aws", "\(Self.document):1:1"] {
                #expect(!output.contains(pointer), "\(name) holds \(pointer)")
            }
        }
    }

    @Test func textNamesTheCollectionAndDrawsNoLocation() {
        let report = Self.text(.text)
        #expect(report.hasPrefix("== \(Self.document) (collected live)\n\n-- account (AWS::::Account)\n"))
        #expect(!report.contains("-->"))
        #expect(report.contains("Summary: 4 rules, 1 document, 5 verdicts (rule × resource; 1 account-level)"))
    }

    @Test func jsonIsValidAndHasNoLocations() throws {
        let report = Self.report(.json)
        #expect(try JSONSchemaValidator(schemaPath: TestPaths.reportSchema.path).violations(in: report) == [])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report)) as? [String: Any])
        #expect(json["documents"] as? [String] == [Self.document])
        let evaluations = try #require(json["evaluations"] as? [[String: Any]])
        #expect(evaluations.count == 5)
        for evaluation in evaluations {
            #expect((evaluation["resource"] as? [String: Any])?["location"] == nil)
            #expect((evaluation["checks"] as? [[String: Any]])?.allSatisfy { $0["location"] == nil } == true)
        }
    }

    @Test func junitHasOneSuiteForTheCollectionWithoutFiles() throws {
        for options in [ReportFixture.options(), ReportFixture.options(junitAll: true)] {
            let report = Self.report(.junit, options: options)
            #expect(try XMLSchemaValidator(schemaPath: TestPaths.junitWithLocationsSchema.path).validate(report) == [])
            let suites = try XMLReader.parse(report).children("testsuite")
            #expect(suites.map { $0.attribute("name") } == [Self.document])
            let cases = try #require(suites.first).children("testcase")
            #expect(!cases.isEmpty)
            #expect(cases.allSatisfy { $0.attribute("file") == nil && $0.attribute("line") == nil })
            #expect(cases.contains { $0.attribute("name") == "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED arn:aws:s3:::acme-reports" && $0.child("failure") != nil })
        }
    }

    /// GitHub code scanning would refuse this file (it wants a file in the repository for every
    /// result); a live scan has none to give, and says which resource by its ARN instead.
    @Test func sarifResultsHaveLogicalLocationsOnly() throws {
        let report = Self.report(.sarif)
        #expect(try JSONSchemaValidator(schemaPath: TestPaths.sarifSchema.path).violations(in: report) == [])
        let run = try SARIFReportTests.run(report)
        let results = try #require(run["results"] as? [[String: Any]])
        let notifications = try #require(((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"]) as? [[String: Any]])
        #expect(results.count == 3)
        #expect(notifications.count == 1)
        let locations = (results + notifications).compactMap { ($0["locations"] as? [[String: Any]])?.first }
        #expect(locations.count == 4)
        #expect(locations.allSatisfy { $0["physicalLocation"] == nil })
        let bucket = try #require(results.first { $0["ruleId"] as? String == "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED" })
        let logical = try #require(((bucket["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["fullyQualifiedName"] as? String == "arn:aws:s3:::acme-reports")
        #expect(logical["kind"] as? String == "resource")
    }

    @Test func githubAnnotatesWithoutFiles() {
        let lines = Self.text(.github).split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { !$0.contains("file=") && !$0.contains("line=") && !$0.contains("col=") })
    }

    @Test func csvLeavesTheLocationColumnsEmptyAndNamesTheDocument() {
        let rows = Self.text(.csv).split(separator: "\r\n").dropFirst()
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.hasPrefix(",,,\(Self.document),") })
    }
}
