import Foundation
import XCTest

/// What `tenet check` shows on a terminal (a pseudo-terminal made by util-linux `script`) and
/// what it writes to files and pipes: the progress bar of a long run, and colour.
final class TerminalOutputTests: XCTestCase {
    private var scratch: URL!

    /// Enough templates that the run counts as long from its start, whatever the machine's speed.
    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-terminal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for index in 1...60 {
            let template = "Resources:\n  Disk:\n    Type: AWS::EC2::Volume\n    Properties: {Size: \(index), AvailabilityZone: eu-west-1a}\n"
            try Data(template.utf8).write(to: scratch.appendingPathComponent("stack-\(index).yaml"))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private let check = ["check", ".", "--pack", "encryption"]

    func testALongRunOnATerminalShowsAProgressBarThenClearsIt() throws {
        let outcome = try TenetProcess.runInTerminal(check, environment: ["NO_COLOR": "", "TERM": "xterm"], in: scratch)
        XCTAssertEqual(outcome.status, 1, outcome.standardOutput)
        let shown = outcome.standardOutput
        XCTAssertTrue(shown.contains("\rchecking [------------------------]   0%  0/60 templates"), shown)
        let bar = try XCTUnwrap(shown.range(of: "\rchecking ["))
        let cleared = try XCTUnwrap(shown.range(of: "\r" + String(repeating: " ", count: 40), options: .backwards), "the bar is blanked out")
        let report = try XCTUnwrap(shown.range(of: "== stack-1.yaml"))
        XCTAssertTrue(bar.lowerBound < cleared.lowerBound && cleared.lowerBound < report.lowerBound, "the report starts after the bar is gone")
        XCTAssertTrue(shown.contains("\u{1B}["), "the text report is coloured on a terminal")
    }

    /// `NO_COLOR` and `TERM=dumb` take the colour away, not the progress bar, which has none.
    func testNoColourAndADumbTerminalKeepTheProgressBar() throws {
        for environment in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
            let outcome = try TenetProcess.runInTerminal(check, environment: environment, in: scratch)
            XCTAssertEqual(outcome.status, 1, outcome.standardOutput)
            XCTAssertTrue(outcome.standardOutput.contains("\rchecking ["), "\(environment): \(outcome.standardOutput)")
            XCTAssertTrue(outcome.standardOutput.contains("== stack-1.yaml"), "\(environment)")
            XCTAssertFalse(outcome.standardOutput.contains("\u{1B}"), "\(environment): no escape sequence at all")
        }
    }

    func testFilesAndPipesGetNeitherProgressNorColour() throws {
        let outcome = try TenetProcess.run(check, environment: ["TERM": "xterm"], in: scratch)
        XCTAssertEqual(outcome.status, 1, outcome.standardError)
        XCTAssertFalse(outcome.standardError.contains("checking ["), outcome.standardError)
        XCTAssertFalse(outcome.standardError.contains("\r"), outcome.standardError)
        XCTAssertFalse(outcome.standardOutput.contains("\u{1B}"))
        XCTAssertTrue(outcome.standardOutput.contains("== stack-1.yaml"))
    }
}
