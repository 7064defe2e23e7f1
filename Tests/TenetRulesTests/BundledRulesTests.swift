import Foundation
import TenetDocument
@testable import TenetRules
import XCTest

/// The rules compiled into the binary are the repository's `rules/`, and load as they do.
final class BundledRulesTests: XCTestCase {
    func testTheCheckedInBundleIsCurrent() throws {
        let expected = BundledRulesGenerator.source(for: try BundledRulesGenerator.files(inRulesDirectory: RepositoryLibrary.rulesDirectory))
        let checkedIn = try String(contentsOf: RepositoryLibrary.root.appendingPathComponent(BundledRules.sourcePath), encoding: .utf8)
        XCTAssertTrue(checkedIn == expected, "\(BundledRules.sourcePath) is stale; run `\(BundledRules.refreshCommand)` from the repository root")
    }

    func testTheBundledLibraryIsTheRepositoryLibrary() throws {
        let bundled = ManagedRuleLibrary.bundled
        XCTAssertEqual(bundled.diagnostics.map(\.description), [])
        XCTAssertEqual(bundled.rules.map(\.id), RepositoryLibrary.library.rules.map(\.id))
        for (rule, original) in zip(bundled.rules, RepositoryLibrary.library.rules) {
            XCTAssertEqual(rule.path, "rules/\(rule.metadata.area.rawValue)/\(rule.id).guard")
            XCTAssertNil(rule.testPath)
            XCTAssertEqual(rule.metadata, original.metadata, rule.id)
            XCTAssertEqual(try String(contentsOfFile: original.path, encoding: .utf8), BundledRules.files.first { $0.path == rule.path }?.text)
        }
        let packs = try ManagedRuleLibrary.bundledPacks()
        XCTAssertEqual(packs.map(\.name), try ManagedRuleLibrary.packs(in: RepositoryLibrary.rulesDirectory).map(\.name))
        XCTAssertTrue(packs.allSatisfy { $0.path.hasPrefix("rules/packs/") })
    }

    /// The metadata compiled into the bundle is what parsing the bundled text gives, so the
    /// literals the generator writes lose nothing.
    func testTheBundledMetadataIsTheParsedMetadata() throws {
        let rules = BundledRules.files.filter { $0.path.hasSuffix(".guard") }
        XCTAssertEqual(rules.count, RepositoryLibrary.library.rules.count)
        for file in rules {
            let parsed = try RuleMetadataParser.parse(SourceText(name: file.path, bytes: Array(file.text.utf8)))
            XCTAssertEqual(file.metadata, parsed, file.path)
        }
        XCTAssertTrue(BundledRules.files.filter { $0.path.hasPrefix("rules/packs/") }.allSatisfy { $0.metadata == nil })
    }

    func testLiteralsEscapeWhatAStringLiteralCannotHoldAsItIs() {
        XCTAssertEqual(SwiftLiteral.string("a \"b\" \\ c\nd\te\u{1}é"), #""a \"b\" \\ c\nd\te\u{1}é""#)
        XCTAssertEqual(
            SwiftLiteral.value(.map([Value.Entry("n", .list([.int(-3), .float(0.1), .float(-.infinity), .null, .bool(true)]))])),
            #".map([Value.Entry("n", .list([.int(-3), .float(0.1), .float(-.infinity), .null, .bool(true)]))])"#)
    }

    /// A rule whose metadata does not parse is not bundled: the generator names the file.
    func testRulesWithInvalidMetadataAreRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("iam"), withIntermediateDirectories: true)
        try Data("# ---\n# id: X\n# severity: urgent\n# ---\nrule X { Resources exists }\n".utf8).write(to: directory.appendingPathComponent("iam/X.guard"))
        XCTAssertThrowsError(try BundledRulesGenerator.files(inRulesDirectory: directory.path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, .ruleMetadataInvalid)
            XCTAssertEqual((error as? Diagnostic)?.location?.file, directory.appendingPathComponent("iam/X.guard").path)
        }
    }

    /// A diagnostic about a bundled rule names the file as the repository has it.
    func testBundledRulesReportRepositoryPaths() {
        let text = BundledRules.files[0].text.replacingOccurrences(of: "# severity: ", with: "# severity: urgent-")
        let library = ManagedRuleLibrary(bundled: [BundledRuleFile(path: BundledRules.files[0].path, text: text)])
        XCTAssertEqual(library.diagnostics.map(\.code), [.ruleMetadataInvalid])
        XCTAssertEqual(library.diagnostics.first?.location?.file, BundledRules.files[0].path)
        XCTAssertEqual(library.diagnostics.first?.location?.line, 4)
    }

    /// No text can end the raw literal early or interpolate into it.
    func testTheDelimiterOutgrowsWhatTheTextHolds() {
        XCTAssertEqual(BundledRulesGenerator.delimiterLength(for: "rule X { Resources exists }"), 1)
        XCTAssertEqual(BundledRulesGenerator.delimiterLength(for: "a \"\"\"# b"), 2)
        XCTAssertEqual(BundledRulesGenerator.delimiterLength(for: "a \\#(x) \"## b"), 3)
        let source = BundledRulesGenerator.source(for: [BundledRuleFile(path: "rules/iam/X.guard", text: "say \"\"\"#\n")])
        XCTAssertTrue(source.contains("BundledRuleFile(path: \"rules/iam/X.guard\", text: ##\"\"\"\nsay \"\"\"#\n\n\"\"\"##),"), source)
    }

    func testFilesWithCarriageReturnsAreRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("iam"), withIntermediateDirectories: true)
        try Data("# ---\r\n".utf8).write(to: directory.appendingPathComponent("iam/X.guard"))
        XCTAssertThrowsError(try BundledRulesGenerator.files(inRulesDirectory: directory.path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, .bundleUnrepresentable)
            XCTAssertEqual((error as? Diagnostic)?.location?.file, directory.appendingPathComponent("iam/X.guard").path)
        }
    }
}
