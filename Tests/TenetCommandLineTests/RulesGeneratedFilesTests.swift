import Foundation
import TenetDocument
import XCTest

/// The bundled rules as an installed binary uses them, and the files the `rules` subcommands
/// generate: the catalogue, the bundle, imported packs.
final class RulesGeneratedFilesTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-rules-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func fixture(_ name: String) -> String {
        TenetProcess.packageRoot.appendingPathComponent("Tests/TenetCommandLineTests/Fixtures/\(name)").path
    }

    func testTheBundledRulesServeFromAnyDirectory() throws {
        let shown = try TenetProcess.run(["rules", "show", "ENCRYPTED_VOLUMES"], in: scratch)
        XCTAssertEqual(shown.status, 0, shown.standardError)
        XCTAssertTrue(shown.standardOutput.contains("File: rules/encryption/ENCRYPTED_VOLUMES.guard"), shown.standardOutput)
        let listed = try TenetProcess.run(["rules", "list", "--pack", "cis-aws-foundations"], in: scratch)
        XCTAssertEqual(listed.status, 0, listed.standardError)
        XCTAssertTrue(listed.standardOutput.contains("ACCESS_KEYS_ROTATED "), listed.standardOutput)
    }

    func testARulesDirectoryWithoutRulesIsAnError() throws {
        let outcome = try TenetProcess.run(["rules", "list", "--rules-dir", scratch.path])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.standardError.contains("no managed rules under \(scratch.path)"), outcome.standardError)
    }

    func testDocsPrintsTheCheckedInCatalogue() throws {
        let outcome = try TenetProcess.run(["rules", "docs"], in: scratch)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let catalogue = try String(contentsOf: TenetProcess.packageRoot.appendingPathComponent("rules/CATALOG.md"), encoding: .utf8)
        XCTAssertTrue(outcome.standardOutput == catalogue, "tenet rules docs differs from rules/CATALOG.md")
    }

    func testBundleRegeneratesTheCheckedInSource() throws {
        let output = scratch.appendingPathComponent("Generated.swift").path
        let outcome = try TenetProcess.run(["rules", "bundle", "--rules-dir", "rules", "--output", output])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let checkedIn = try String(contentsOf: TenetProcess.packageRoot.appendingPathComponent("Sources/TenetRules/Bundled/BundledRules+Generated.swift"), encoding: .utf8)
        XCTAssertTrue(try String(contentsOfFile: output, encoding: .utf8) == checkedIn, "the bundle written differs from the checked-in one")
        XCTAssertFalse(try TenetProcess.run(["rules", "--help"]).standardOutput.contains("bundle"), "a maintainer command, hidden from help")
    }

    /// The pack written lands in a copy of `rules/packs` and is listed like any other pack.
    func testImportWritesAPackAndReportsCoverage() throws {
        let rules = scratch.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: TenetProcess.packageRoot.appendingPathComponent("rules"), to: rules)
        let pack = rules.appendingPathComponent("packs/imported.yaml").path
        let outcome = try TenetProcess.run(["rules", "import-conformance-pack", fixture("conformance-pack.yaml"), "--output", pack, "--name", "imported"])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let report = outcome.standardOutput
        XCTAssertTrue(report.contains("3 of 5 AWS Config rules have a Tenet counterpart"), report)
        XCTAssertTrue(report.contains("  CW_LOGGROUP_RETENTION_PERIOD_CHECK  → CW_LOGGROUP_RETENTION_PERIOD_CHECK  (CwLoggroupRetentionPeriodCheck)"), report)
        XCTAssertTrue(report.contains("not implemented:\n  EMR_MASTER_NO_PUBLIC_IP  (EmrMasterNoPublicIp)\n  custom rule TeamCustomCheck (CUSTOM_LAMBDA)"), report)
        XCTAssertTrue(report.contains("AccessKeysRotated: InputParameters.maxAccessKeyAge is not a literal value"), report)

        let written = try DocumentLoader().load(contentsOf: pack).root.value
        XCTAssertEqual(written["name"], "imported")
        XCTAssertEqual(written["rules"], ["ACCESS_KEYS_ROTATED", ["CW_LOGGROUP_RETENTION_PERIOD_CHECK": ["MinRetentionTime": 400]], "ENCRYPTED_VOLUMES"])
        let listed = try TenetProcess.run(["rules", "list", "--rules-dir", rules.path, "--pack", "imported"])
        XCTAssertEqual(listed.status, 0, listed.standardError)
        XCTAssertTrue(listed.standardOutput.hasSuffix("\n3 rules\n"), listed.standardOutput)
    }

    func testImportWithoutOutputPrintsThePackAndReportsOnStandardError() throws {
        let outcome = try TenetProcess.run(["rules", "import-conformance-pack", fixture("conformance-pack.yaml")])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertTrue(outcome.standardOutput.hasPrefix("name: \"conformance-pack\"\n"), outcome.standardOutput)
        XCTAssertTrue(outcome.standardError.contains("3 of 5 AWS Config rules"), outcome.standardError)
    }

    func testMalformedConformancePacksExitTwoWithTheirLocation() throws {
        let cases = [
            (fixture("conformance-pack-malformed.json"), "conformance-pack-malformed.json:7:9", "error[json.syntax]"),
            (fixture("conformance-pack-without-identifier.yaml"), "conformance-pack-without-identifier.yaml:5:7", "no Source.SourceIdentifier"),
        ]
        for (file, location, message) in cases {
            let outcome = try TenetProcess.run(["rules", "import-conformance-pack", file], environment: ["NO_COLOR": "1"])
            XCTAssertEqual(outcome.status, 2, file)
            XCTAssertEqual(outcome.standardOutput, "")
            XCTAssertTrue(outcome.standardError.contains(location), outcome.standardError)
            XCTAssertTrue(outcome.standardError.contains(message), outcome.standardError)
        }
    }
}
