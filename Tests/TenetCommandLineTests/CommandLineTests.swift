import XCTest

/// The root command: version, help and the exit codes shared by every subcommand.
final class CommandLineTests: XCTestCase {
    func testVersion() throws {
        let outcome = try TenetProcess.run(["--version"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertEqual(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
    }

    func testHelpListsCommandsWithExamples() throws {
        let outcome = try TenetProcess.run(["--help"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.standardOutput.contains("parse"), outcome.standardOutput)
        XCTAssertTrue(outcome.standardOutput.contains("Examples:"), outcome.standardOutput)
        XCTAssertTrue(outcome.standardOutput.contains("Exit codes"), outcome.standardOutput)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try TenetProcess.run(["parse"]).status, 2)
        XCTAssertEqual(try TenetProcess.run(["parse", "--no-such-flag", "x.yaml"]).status, 2)
        XCTAssertEqual(try TenetProcess.run(["no-such-command"]).status, 2)
    }
}
