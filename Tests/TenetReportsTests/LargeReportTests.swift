import Foundation
import Testing
@testable import TenetReports
import TenetScan
import TenetXML

/// Reports of a run large enough that their parts are made in many parallel chunks and several
/// windows of chunks: the fixture's evaluations repeated, so the large report must be the small
/// one's parts repeated, in order.
@Suite struct LargeReportTests {
    static let repeats = 700

    static var largeResult: ScanResult {
        var result = ReportFixture.scanResult
        result.evaluations = Array(repeating: result.evaluations, count: repeats).flatMap { $0 }
        return result
    }

    static func text(_ encoder: any ReportEncoder, _ result: ScanResult) -> String {
        String(decoding: encoder.encode(result, options: ReportFixture.options()), as: UTF8.self)
    }

    static func json(_ encoder: any ReportEncoder, _ result: ScanResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(encoder.encode(result, options: ReportFixture.options()))) as? [String: Any])
    }

    @Test func csvRowsRepeatInOrder() {
        let small = Self.text(CSVReportEncoder(), ReportFixture.scanResult)
        let header = CSVReportEncoder.row(CSVReportEncoder.header)
        let rows = String(small.dropFirst(header.count))
        #expect(!rows.isEmpty)
        #expect(Self.text(CSVReportEncoder(), Self.largeResult) == header + String(repeating: rows, count: Self.repeats))
    }

    @Test func annotationsRepeatInOrder() {
        let small = Self.text(GitHubAnnotationsEncoder(), ReportFixture.scanResult)
        #expect(!small.isEmpty)
        #expect(Self.text(GitHubAnnotationsEncoder(), Self.largeResult) == String(repeating: small, count: Self.repeats))
    }

    @Test func jsonEvaluationsRepeatInOrder() throws {
        let small = try #require(try Self.json(JSONReportEncoder(), ReportFixture.scanResult)["evaluations"] as? [NSDictionary])
        let large = try #require(try Self.json(JSONReportEncoder(), Self.largeResult)["evaluations"] as? [NSDictionary])
        #expect(large.count == small.count * Self.repeats)
        #expect(large.indices.allSatisfy { large[$0].isEqual(small[$0 % small.count]) })
    }

    @Test func sarifResultsRepeatInOrder() throws {
        func results(_ result: ScanResult) throws -> [NSDictionary] {
            let runs = try #require(try Self.json(SARIFReportEncoder(), result)["runs"] as? [[String: Any]])
            return try #require(runs.first?["results"] as? [NSDictionary])
        }
        let small = try results(ReportFixture.scanResult)
        let large = try results(Self.largeResult)
        #expect(!small.isEmpty)
        #expect(large.count == small.count * Self.repeats)
        #expect(large.indices.allSatisfy { large[$0].isEqual(small[$0 % small.count]) })
    }

    @Test func junitCasesAreAllWrittenAndValid() throws {
        let bytes = JUnitReportEncoder().encode(Self.largeResult, options: ReportFixture.options())
        #expect(try XMLSchemaValidator(schemaPath: TestPaths.junitWithLocationsSchema.path).validate(bytes) == [])
        let root = try XMLReader.parse(bytes)
        let cases = root.children("testsuite").flatMap { $0.children("testcase") }
        #expect(root.attribute("tests") == String(cases.count))
        let smallRoot = try XMLReader.parse(JUnitReportEncoder().encode(ReportFixture.scanResult, options: ReportFixture.options()))
        let smallFailures = smallRoot.children("testsuite").flatMap { $0.children("testcase") }.compactMap { $0.child("failure") }
        let failures = cases.compactMap { $0.child("failure") }
        #expect(failures.count == smallFailures.count * Self.repeats)
        #expect(Set(failures.map(\.text)) == Set(smallFailures.map(\.text)))
        for suite in root.children("testsuite") {
            let names = suite.children("testcase").compactMap { $0.attribute("name") }
            #expect(Set(names).count == names.count)
        }
    }
}
