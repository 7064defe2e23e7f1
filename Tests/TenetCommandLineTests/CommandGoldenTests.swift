import Foundation
import XCTest

/// The built `tenet` run on the golden-file project (`Fixtures/golden-project`: two templates, a
/// file that is not one, inline and central suppressions, a team rule, a copy of some managed
/// rules named in its `.tenet.yaml`), each format's standard output compared byte for byte with
/// `Fixtures/Goldens/`. `TENET_RECORD_GOLDEN=1` rewrites the goldens from the current output, as
/// for the report library's goldens.
///
/// The runs are reproducible: a fixed `--now`, relative paths from the project directory, and
/// managed rules that change only when the copy does.
final class CommandGoldenTests: XCTestCase {
    static let fixtures = TenetProcess.packageRoot.appendingPathComponent("Tests/TenetCommandLineTests/Fixtures")
    static let project = fixtures.appendingPathComponent("golden-project")
    static let goldens = fixtures.appendingPathComponent("Goldens")
    static let now = ["--now", "2026-11-21T00:00:00Z"]

    /// Golden file name → arguments.
    static let runs: [(golden: String, arguments: [String])] = [
        ("check.txt", ["check", "templates"]),
        ("check-verbose.txt", ["check", "templates", "--verbose"]),
        ("check.json", ["check", "templates", "--format", "json"]),
        ("check.junit.xml", ["check", "templates", "--format", "junit"]),
        ("check-all.junit.xml", ["check", "templates", "--format", "junit", "--junit-all"]),
        ("check-no-locations.junit.xml", ["check", "templates", "--format", "junit", "--junit-no-locations"]),
        ("check.sarif", ["check", "templates", "--format", "sarif"]),
        ("check.csv", ["check", "templates", "--format", "csv"]),
        ("check-verbose.csv", ["check", "templates", "--format", "csv", "--verbose"]),
        ("check.github.txt", ["check", "templates", "--format", "github"]),
        ("scan-inventory.txt", ["scan", "--inventory", "inventory.jsonl"]),
        ("scan-inventory.json", ["scan", "--inventory", "inventory.jsonl", "--format", "json"]),
    ]

    static var isRecording: Bool { ProcessInfo.processInfo.environment["TENET_RECORD_GOLDEN"] == "1" }

    func testEveryFormatMatchesItsGolden() throws {
        for (golden, arguments) in Self.runs {
            let outcome = try TenetProcess.run(arguments + Self.now, environment: ["NO_COLOR": ""], in: Self.project)
            XCTAssertEqual(outcome.status, 1, "\(golden): findings fail the run; \(outcome.standardError)")
            let file = Self.goldens.appendingPathComponent(golden)
            if Self.isRecording {
                try Data(outcome.standardOutput.utf8).write(to: file)
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            XCTAssertEqual(outcome.standardOutput, expected, "\(golden) differs from its golden file; rerun with TENET_RECORD_GOLDEN=1 if the change is intended")
        }
    }

    func testEveryFormatAndNothingElseHasAGolden() throws {
        let formats = ["text", "json", "junit", "sarif", "csv", "github"]
        let covered = Set(Self.runs.filter { $0.arguments.first == "check" }.map { run in
            run.arguments.firstIndex(of: "--format").map { run.arguments[$0 + 1] } ?? "text"
        })
        XCTAssertEqual(covered, Set(formats))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.goldens.path).sorted()
        XCTAssertEqual(files, Self.runs.map(\.golden).sorted(), "a golden without a run, or a run without a golden")
    }

    /// The goldens hold nothing of the machine that made them.
    func testTheGoldensHoldNoAbsolutePathOrClock() throws {
        for (golden, _) in Self.runs {
            let text = try String(contentsOf: Self.goldens.appendingPathComponent(golden), encoding: .utf8)
            XCTAssertFalse(text.contains(TenetProcess.packageRoot.path), golden)
            XCTAssertFalse(text.contains(FileManager.default.temporaryDirectory.path), golden)
        }
    }
}
