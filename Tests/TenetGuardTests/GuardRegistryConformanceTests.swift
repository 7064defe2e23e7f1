import Foundation
import Testing
@testable import TenetGuard

/// The whole AWS Guard Rules Registry through the test runner: every case must give the status
/// cfn-guard gives.
@Suite struct GuardRegistryConformanceTests {
    static let registry = GuardFixture.packageRoot + "/../shared/conformance/guard-registry/rules"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: registry)))
    func everyRegistryCasePasses() {
        let result = GuardTestSuite().run(directory: Self.registry)
        #expect(result.errors.map(\.description) == [])
        for file in result.files {
            for testCase in file.cases where !testCase.passed {
                Issue.record("\(file.testFile) case \(testCase.testCase.displayName): \(testCase.checks.filter { !$0.holds }.map { "\($0.rule) expected \($0.expected) evaluated \($0.evaluated)" }) \(testCase.error?.description ?? "")")
            }
        }
        #expect(result.passedCount == 1694)
        #expect(result.failedCount == 0)
    }
}
