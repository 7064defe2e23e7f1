import Foundation
import Testing
import TenetInventory
import TenetReports
import TenetScan
import TenetXML

/// How every format presents what `check` finds on the account, the pseudo-document of all
/// templates judged together: named `account`, never a file or directory, counted apart from
/// the templates, and in JUnit a suite of its own.
@Suite struct AccountFindingsTests {
    static let accountRule = "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC"

    /// The report fixture as `check` reports it: the account-level rule judged once, on the
    /// account, not on each template.
    static var result: ScanResult {
        var result = ReportFixture.scanResult
        let account = ScannedResource(id: ResourceID(ScanDocument.accountName), type: .account, document: ScanDocument.accountName)
        result.evaluations = result.evaluations.filter { $0.resource.type != .account } + [
            Evaluation(
                ruleID: accountRule, resource: account, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: nil, found: nil, expected: nil, message: nil,
                    reason: "no AWS::S3::AccountPublicAccessBlock blocks public ACLs and policies for the account", location: nil)]),
        ]
        result.accountDocument = ScanDocument.accountName
        return result
    }

    static func report(_ encoder: some ReportEncoder, options: ReportOptions = ReportFixture.options()) -> [UInt8] {
        encoder.encode(result, options: options)
    }

    static func text(_ encoder: some ReportEncoder) -> String {
        String(decoding: report(encoder), as: UTF8.self)
    }

    @Test func textHasAnAccountSectionAndCountsOnlyTheTemplates() {
        let report = Self.text(TextReportEncoder())
        #expect(report.contains("== account (all templates together)\n\n-- account (AWS::::Account)"))
        #expect(report.contains("Summary: 10 rules, 2 documents, 12 verdicts (rule × resource; 1 account-level)"))
        #expect(!report.contains("--> account"))
    }

    @Test func jsonListsTheTemplatesAsDocumentsAndTheAccountWithoutALocation() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.report(JSONReportEncoder()))) as? [String: Any])
        #expect(json["documents"] as? [String] == [ReportFixture.network, ReportFixture.storage])
        #expect((json["summary"] as? [String: Any])?["documents"] as? Int == 2)
        #expect((json["summary"] as? [String: Any])?["accountEvaluations"] as? Int == 1)
        let evaluations = try #require(json["evaluations"] as? [[String: Any]])
        let account = try #require(evaluations.first { $0["ruleId"] as? String == Self.accountRule })
        let resource = try #require(account["resource"] as? [String: Any])
        #expect(resource["id"] as? String == "account")
        #expect(resource["document"] as? String == "account")
        #expect(resource["location"] == nil)
        #expect((account["checks"] as? [[String: Any]])?.allSatisfy { $0["location"] == nil } == true)
        let validator = JSONSchemaValidator(schemaPath: TestPaths.reportSchema.path)
        #expect(try validator.violations(in: Self.report(JSONReportEncoder())) == [])
    }

    @Test func junitHasOneAccountSuiteAndTheTemplatesSuitesLeaveTheAccountRuleOut() throws {
        for options in [ReportFixture.options(), ReportFixture.options(junitAll: true)] {
            let report = Self.report(JUnitReportEncoder(), options: options)
            #expect(try XMLSchemaValidator(schemaPath: TestPaths.junitWithLocationsSchema.path).validate(report) == [])
            let suites = try XMLReader.parse(report).children("testsuite")
            #expect(suites.map { $0.attribute("name") } == [ReportFixture.network, ReportFixture.storage, "account"])
            for suite in suites.dropLast() {
                #expect(!suite.children("testcase").contains { $0.attribute("name")?.hasPrefix(Self.accountRule) == true })
            }
            let accountCases = try #require(suites.last).children("testcase")
            #expect(accountCases.map { $0.attribute("name") } == ["\(Self.accountRule) account"])
            #expect(accountCases.first?.attribute("classname") == "account")
            #expect(accountCases.first?.attribute("file") == nil)
            #expect(accountCases.first?.attribute("line") == nil)
            #expect(accountCases.first?.child("failure") != nil)
        }
    }

    /// GitHub code scanning refuses a whole SARIF file when one result has no artifact location,
    /// so an account finding no template node locates points at the first template's first line,
    /// with the account as its logical location.
    @Test func sarifAnchorsTheAccountFindingAtARealFile() throws {
        let report = Self.report(SARIFReportEncoder())
        #expect(try JSONSchemaValidator(schemaPath: TestPaths.sarifSchema.path).violations(in: report) == [])
        let run = try SARIFReportTests.run(report)
        let results = try #require(run["results"] as? [[String: Any]])
        let account = try #require(results.first { $0["ruleId"] as? String == Self.accountRule })
        let location = try #require((account["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == ReportFixture.network)
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 1)
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["name"] as? String == "account")
        let uris = results.compactMap { result in
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }
        }
        #expect(uris.count == results.count)
        #expect(!uris.contains("account"))
    }

    @Test func githubAnnotatesTheAccountWithoutAFile() throws {
        let lines = Self.text(GitHubAnnotationsEncoder()).split(separator: "\n")
        let account = try #require(lines.first { $0.contains("title=\(Self.accountRule)") })
        #expect(account.hasPrefix("::error title=\(Self.accountRule) (high)::account: "))
    }

    @Test func csvLeavesTheAccountsLocationEmpty() throws {
        let rows = Self.text(CSVReportEncoder()).split(separator: "\r\n")
        let account = try #require(rows.first { $0.contains(Self.accountRule) })
        #expect(account.hasPrefix(",,,account,account,AWS::::Account,"))
    }
}
