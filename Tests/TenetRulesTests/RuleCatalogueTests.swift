import Foundation
import TenetRules
import XCTest

final class RuleCatalogueTests: XCTestCase {
    private func render() throws -> String {
        try RuleCatalogue.markdown(library: RepositoryLibrary.library, packs: try ManagedRuleLibrary.packs(in: RepositoryLibrary.rulesDirectory))
    }

    func testTheCheckedInCatalogueIsCurrent() throws {
        let checkedIn = try String(contentsOfFile: (RepositoryLibrary.rulesDirectory as NSString).appendingPathComponent("CATALOG.md"), encoding: .utf8)
        XCTAssertTrue(checkedIn == (try render()), "rules/CATALOG.md is stale; run `\(RuleCatalogue.refreshCommand)` from the repository root")
    }

    func testEveryRuleAndPackHasItsRow() throws {
        let catalogue = try render()
        let lines = catalogue.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("| [`") }.count, RepositoryLibrary.library.rules.count)
        let row = try XCTUnwrap(lines.first { $0.hasPrefix("| [`ENCRYPTED_VOLUMES`](encryption/ENCRYPTED_VOLUMES.guard) |") })
        for cell in ["| EBS volumes are encrypted |", "| high |", "| `AWS::EC2::Volume` |", "| `ENCRYPTED_VOLUMES` |", "cis-aws-foundations: 2.2.1<br>", "| `kmsKeyIds` = `[]` |"] {
            XCTAssertTrue(row.contains(cell), "\(cell) missing from \(row)")
        }
        for area in RuleArea.allCases {
            XCTAssertTrue(lines.contains { $0.hasPrefix("## \(area.rawValue) (") }, area.rawValue)
        }
        let pack = try XCTUnwrap(lines.first { $0.hasPrefix("| `cis-aws-foundations` |") })
        XCTAssertTrue(pack.contains("frameworks: cis-aws-foundations"), String(pack))
        XCTAssertTrue(pack.contains("`CW_LOGGROUP_RETENTION_PERIOD_CHECK.MinRetentionTime` = `365`"), String(pack))
    }

    func testTheCatalogueDoesNotDependOnWhereTheRulesWereLoadedFrom() throws {
        XCTAssertEqual(try RuleCatalogue.markdown(library: .bundled, packs: try ManagedRuleLibrary.bundledPacks()), try render())
    }
}
