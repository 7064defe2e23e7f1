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
}
