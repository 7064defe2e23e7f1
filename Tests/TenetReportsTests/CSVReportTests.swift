import Testing
@testable import TenetReports
import TenetScan

@Suite struct CSVReportTests {
    /// A minimal RFC 4180 reader, to prove the output parses back into the same fields.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return rows
    }

    @Test func quotesFieldsThatNeedItAndEndLinesWithCRLF() {
        #expect(CSVReportEncoder.row(["plain", "a,b", "say \"hi\"", "two\nlines"]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test func formulasAreDefusedAndNumbersKept() {
        #expect(CSVReportEncoder.row(["=HYPERLINK(\"x\")", "-1", "@SUM(A1)", "+1e3"]) == "\"'=HYPERLINK(\"\"x\"\")\",-1,'@SUM(A1),+1e3\r\n")
    }

    @Test func oneRowPerFailingCheckWithEveryColumn() throws {
        let text = String(decoding: CSVReportEncoder().encode(ReportFixture.scanResult, options: ReportFixture.options()), as: UTF8.self)
        let rows = Self.parse(text)
        let header = try #require(rows.first)
        #expect(rows.allSatisfy { $0.count == header.count })
        let listed = ReportFixture.evaluations.filter { [.nonCompliant, .error, .insufficientData].contains($0.state) }
        #expect(rows.count == 1 + listed.reduce(0) { $0 + max($1.checks.count, 1) })
        let record = { (row: [String]) in Dictionary(uniqueKeysWithValues: zip(header, row)) }
        let suppressed = try #require(rows.dropFirst().map(record).first { $0["rule"] == "EC2_SECURITY_GROUP_RDP_RESTRICTED" })
        #expect(suppressed["state"] == "SUPPRESSED")
        #expect(suppressed["suppression_owner"] == "network-team")
        #expect(suppressed["suppression_reason"] == "Bastion reachable only through the corporate VPN range, review with NET-142")
        #expect(suppressed["found"] == "\"0.0.0.0/0\"")
        let verbose = Self.parse(String(decoding: CSVReportEncoder().encode(ReportFixture.scanResult, options: ReportFixture.options(verbose: true)), as: UTF8.self))
        #expect(verbose.count == 1 + ReportFixture.evaluations.reduce(0) { $0 + max($1.checks.count, 1) })
    }
}
