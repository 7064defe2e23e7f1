import Foundation
import TenetDocument

/// A whole `tenet test` run: rule files paired with test files, every case evaluated.
public struct GuardTestSuite: Sendable {
    public var runner: GuardTestRunner

    public init(parameters: RuleParameters = .none) {
        runner = GuardTestRunner(parameters: parameters)
    }

    public struct Result: Sendable {
        public var files: [TestFileResult] = []
        public var warnings: [Diagnostic] = []
        /// Rule files that do not parse and test files that cannot be read.
        public var errors: [Diagnostic] = []

        public var passedCount: Int { files.reduce(0) { $0 + $1.passedCount } }
        public var failedCount: Int { files.reduce(0) { $0 + $1.failedCount } }
    }

    /// `test --dir`: every rule file under `directory` with the test files paired to it.
    public func run(directory: String) -> Result {
        var result = Result()
        let pairing: TestFilePairing
        do {
            pairing = try TestFilePairing(directory: directory)
        } catch {
            result.errors.append(error)
            return result
        }
        for orphan in pairing.orphanTestFiles {
            result.warnings.append(Diagnostic(
                .warning, code: .guardTestWarning,
                message: "\(orphan) pairs with no rule file (its name must start with a rule file's name); it is not run"))
        }
        for pair in pairing.pairs {
            run(rulesFile: pair.rulesFile, testFiles: pair.testFiles, into: &result)
        }
        return result
    }

    /// `test -r RULES -t TESTS`: one rule file against a test file or a directory of them.
    public func run(rulesFile: String, tests: String) -> Result {
        var result = Result()
        run(rulesFile: rulesFile, testFiles: RulesFileLoader.dataFiles(at: tests), into: &result)
        return result
    }

    private func run(rulesFile: String, testFiles: [String], into result: inout Result) {
        let rules: RulesFile
        do {
            rules = try RulesFileLoader().load(contentsOf: rulesFile)
        } catch {
            result.errors.append(error)
            return
        }
        if rules.isEmpty {
            result.warnings.append(Diagnostic(.warning, code: .guardTestWarning, message: "\(rulesFile) defines no rules (comments only)"))
            return
        }
        for testFile in testFiles {
            do {
                let document = try DocumentLoader().load(contentsOf: testFile)
                let cases = try GuardTestCase.cases(in: document)
                let fileResult = runner.run(rules, cases: cases, testFile: testFile)
                result.warnings.append(contentsOf: fileResult.warnings)
                result.files.append(fileResult)
            } catch {
                result.errors.append(error)
            }
        }
    }
}
