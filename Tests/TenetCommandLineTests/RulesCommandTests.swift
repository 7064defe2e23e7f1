import XCTest

final class RulesCommandTests: XCTestCase {
    func testListShowsEveryManagedRuleWithItsSeverity() throws {
        let outcome = try TenetProcess.run(["rules", "list", "--area", "encryption"])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let lines = outcome.standardOutput.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("ENCRYPTED_VOLUMES ") && $0.contains("high") && $0.hasSuffix("EBS volumes are encrypted") }, outcome.standardOutput)
        XCTAssertTrue(lines.last?.hasSuffix(" rules") == true, outcome.standardOutput)
    }

    func testListByPack() throws {
        let outcome = try TenetProcess.run(["rules", "list", "--pack", "cis-aws-foundations"])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertTrue(outcome.standardOutput.contains("ENCRYPTED_VOLUMES "), outcome.standardOutput)
        XCTAssertFalse(outcome.standardOutput.contains("RESOURCE_OWNER_TAG_PRESENT "), "a tagging rule with no CIS control")
        XCTAssertEqual(try TenetProcess.run(["rules", "list", "--pack", "no-such-pack"]).status, 2)
    }

    func testShowPrintsMetadataAndUnknownRulesExitTwo() throws {
        let shown = try TenetProcess.run(["rules", "show", "ENCRYPTED_VOLUMES"])
        XCTAssertEqual(shown.status, 0, shown.standardError)
        for expected in ["Severity:   high", "Applies to: AWS::EC2::Volume", "kmsKeyIds = []", "nist-800-53-rev5:", "File: rules/encryption/ENCRYPTED_VOLUMES.guard"] {
            XCTAssertTrue(shown.standardOutput.contains(expected), "\(expected) missing from:\n\(shown.standardOutput)")
        }
        let unknown = try TenetProcess.run(["rules", "show", "NO_SUCH_RULE"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.standardError.contains("no managed rule NO_SUCH_RULE"), unknown.standardError)
    }
}

/// `tenet test --dir rules`, as a contributor runs it: every managed rule's examples, with the
/// parameter defaults each rule declares.
final class ManagedRuleTestCommandTests: XCTestCase {
    func testEveryManagedRuleExampleHolds() throws {
        let outcome = try TenetProcess.run(["test", "--dir", "rules"])
        XCTAssertEqual(outcome.status, 0, outcome.standardOutput.suffix(4000) + outcome.standardError)
        let summary = outcome.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(summary.hasSuffix(" passed, 0 failed"), summary)
        XCTAssertGreaterThan(Int(summary.split(separator: " ").first ?? "") ?? 0, 1500, summary)
    }
}
