import Foundation
import TenetDocument
import TenetGuard
import TenetRules
import XCTest

/// The managed library in `rules/`: every rule well-formed, every rule's own examples passing.
final class ManagedRuleLibraryTests: XCTestCase {
    private static let library = RepositoryLibrary.library

    func testEveryRuleIsWellFormed() {
        let library = Self.library
        XCTAssertEqual(library.diagnostics.map(\.description), [])
        XCTAssertFalse(library.rules.isEmpty)
    }

    /// Each rule runs its tests with its declared parameter defaults, which a case may override.
    func testEveryRulePassesItsOwnTests() throws {
        let library = Self.library
        let suite = GuardTestSuite(parameters: library.defaultParameters)
        var failures: [String] = []
        var cases = 0
        for rule in library.rules {
            let result = suite.run(rulesFile: rule.path, tests: try XCTUnwrap(rule.testPath, rule.id))
            failures += result.errors.map(\.description)
            for file in result.files {
                cases += file.cases.count
                for failed in file.cases where !failed.passed {
                    let detail = failed.checks.filter { !$0.holds }.map { "\($0.rule) expected \($0.expected), got \($0.evaluated)" }
                    failures.append("\(rule.id) — \(failed.testCase.displayName): \(failed.error?.description ?? detail.joined(separator: "; "))")
                }
            }
        }
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThanOrEqual(cases, library.rules.count * 4)
    }

    /// PASS, FAIL and SKIP examples, and one live-shaped input, for every rule.
    func testEveryRuleHasTheRequiredKindsOfExamples() throws {
        for rule in Self.library.rules {
            let document = try DocumentLoader().load(contentsOf: try XCTUnwrap(rule.testPath, rule.id))
            let cases = try GuardTestCase.cases(in: document)
            let statuses = Set(cases.flatMap { $0.expectations.filter { $0.rule == rule.id }.map(\.status) })
            XCTAssertEqual(statuses, [.pass, .fail, .skip], "\(rule.id) needs PASS, FAIL and SKIP examples")
            XCTAssertTrue(cases.contains { ($0.name ?? "").hasPrefix("live:") }, "\(rule.id) needs a live-shaped example")
        }
    }

    func testLibraryProblemsAreReportedWithTheirFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("iam")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
        let header = """
            # ---
            # id: IAM_EXAMPLE
            # title: t
            # severity: low
            # area: encryption
            # resourceTypes: [AWS::IAM::Role]
            # description: d
            # rationale: r
            # remediation: f
            # ---

            """
        try Data((header + "rule IAM_EXAMPLE { RuleParameters.limit exists }\n").utf8).write(to: folder.appendingPathComponent("IAM_EXAMPLE.guard"))
        try Data((header.replacingOccurrences(of: "IAM_EXAMPLE", with: "IAM_OTHER") + "rule IAM_OTHER { Resources exists }\n").utf8)
            .write(to: folder.appendingPathComponent("IAM_RENAMED.guard"))

        let library = ManagedRuleLibrary(directory: directory.path)
        let messages = library.diagnostics.map { "\(($0.location?.file as NSString?)?.lastPathComponent ?? ""): \($0.message)" }
        XCTAssertEqual(Set(messages), [
            "IAM_EXAMPLE.guard: the area encryption differs from the folder iam",
            "IAM_EXAMPLE.guard: the rule reads RuleParameters.limit, which its metadata does not declare",
            "IAM_EXAMPLE.guard: no tests: expected \(folder.path)/tests/IAM_EXAMPLE_tests.yaml",
            "IAM_RENAMED.guard: the id IAM_OTHER differs from the file name IAM_RENAMED",
            "IAM_RENAMED.guard: the area encryption differs from the folder iam",
            "IAM_RENAMED.guard: no tests: expected \(folder.path)/tests/IAM_RENAMED_tests.yaml",
        ])
        XCTAssertTrue(library.rules.isEmpty)
    }
}
