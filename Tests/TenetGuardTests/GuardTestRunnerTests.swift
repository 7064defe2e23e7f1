import Foundation
import Testing
import TenetDocument
@testable import TenetGuard

@Suite struct GuardTestRunnerTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tenet-guard-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/tests", withIntermediateDirectories: true)
        return path
    }

    @Test func pairsTestFilesWithTheLongestStemPrefix() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["RULE.guard", "RULE_PERIODIC.guard", "tests/RULE_tests.yaml", "tests/RULE_PERIODIC_tests.yaml", "tests/OTHER_tests.yaml"] {
            FileManager.default.createFile(atPath: "\(root)/\(name)", contents: Data())
        }
        let pairing = try TestFilePairing(directory: root)
        let byRule = Dictionary(uniqueKeysWithValues: pairing.pairs.map { (($0.rulesFile as NSString).lastPathComponent, $0.testFiles.map { ($0 as NSString).lastPathComponent }) })
        #expect(byRule["RULE.guard"] == ["RULE_tests.yaml"])
        #expect(byRule["RULE_PERIODIC.guard"] == ["RULE_PERIODIC_tests.yaml"])
        #expect(pairing.orphanTestFiles.map { ($0 as NSString).lastPathComponent } == ["OTHER_tests.yaml"])
    }

    @Test func expectationsFollowCfnGuardRules() throws {
        let rules = try GuardFixture.rules("""
            rule dup when A exists { A == 1 }
            rule dup when B exists { B == 1 }
            rule single { A exists }
            """)
        let tests = try GuardFixture.document("""
            - name: any instance may pass
              input: {A: 1}
              expectations: {rules: {dup: PASS, single: PASS, unknown_rule: FAIL}}
            - name: skip needs every instance to skip
              input: {B: 1}
              expectations: {rules: {dup: SKIP}}
            - name: wrong
              input: {}
              expectations: {rules: {single: PASS}}
            """, name: "tests.yaml")
        let result = GuardTestRunner().run(rules, cases: try GuardTestCase.cases(in: tests), testFile: "tests.yaml")
        #expect(result.cases.map(\.passed) == [true, false, false])
        #expect(result.cases[2].checks.first?.evaluated == [.fail])
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.message.contains("unknown_rule") == true)
    }

    @Test func badStatusesAreFormatErrors() throws {
        let tests = try GuardFixture.document("- input: {}\n  expectations: {rules: {r: pass}}", name: "tests.yaml")
        #expect(throws: Diagnostic.self) { try GuardTestCase.cases(in: tests) }
    }

    @Test func reportEndsWithTheCaseCounts() throws {
        let rules = try GuardFixture.rules("rule r { A exists }")
        let tests = try GuardFixture.document("- name: n\n  input: {}\n  expectations: {rules: {r: PASS}}", name: "t.yaml")
        var suite = GuardTestSuite.Result()
        suite.files = [GuardTestRunner().run(rules, cases: try GuardTestCase.cases(in: tests), testFile: "t.yaml")]
        let text = TestReportText.render(suite)
        #expect(text.contains("r: expected PASS, evaluated FAIL"))
        #expect(text.hasSuffix("0 passed, 1 failed\n"))
    }
}
