import TenetDocument

/// Runs rule-test cases the way `cfn-guard test` judges them: only top-level rules are compared;
/// an expected PASS or FAIL holds if any rule of that name has it, an expected SKIP needs all of
/// them to skip; an expectation for a rule the file does not define is ignored, with a warning.
public struct GuardTestRunner: Sendable {
    public var evaluator: GuardEvaluator

    public init(parameters: RuleParameters = .none) {
        evaluator = GuardEvaluator(parameters: parameters)
    }

    public func run(_ rules: RulesFile, cases: [GuardTestCase], testFile: String) -> TestFileResult {
        var results: [TestCaseResult] = []
        var warnings: [Diagnostic] = []
        var warnedRules: Set<String> = []
        for testCase in cases {
            let evaluation: FileResult
            do {
                evaluation = try evaluator.evaluate(rules, root: testCase.input)
            } catch {
                results.append(TestCaseResult(testCase: testCase, checks: [], error: error))
                continue
            }
            var checks: [ExpectationCheck] = []
            for (rule, expected) in testCase.expectations {
                let evaluated = evaluation.rules.filter { $0.name == rule }.map(\.status)
                guard !evaluated.isEmpty else {
                    if warnedRules.insert(rule).inserted {
                        warnings.append(Diagnostic(
                            .warning, code: .guardTestWarning,
                            message: "\(testFile) expects a status of rule \(rule), which \(rules.name) does not define; the expectation is ignored"))
                    }
                    continue
                }
                let holds = expected == .skip ? evaluated.allSatisfy { $0 == .skip } : evaluated.contains(expected)
                checks.append(ExpectationCheck(rule: rule, expected: expected, evaluated: evaluated, holds: holds))
            }
            results.append(TestCaseResult(testCase: testCase, checks: checks, error: nil))
        }
        return TestFileResult(rulesFile: rules.name, testFile: testFile, cases: results, warnings: warnings)
    }
}

public struct ExpectationCheck: Sendable {
    public let rule: String
    public let expected: GuardStatus
    public let evaluated: [GuardStatus]
    public let holds: Bool
}

public struct TestCaseResult: Sendable {
    public let testCase: GuardTestCase
    public let checks: [ExpectationCheck]
    /// An error that stopped the evaluation of this case's input.
    public let error: Diagnostic?

    public var passed: Bool { error == nil && checks.allSatisfy(\.holds) }
}

public struct TestFileResult: Sendable {
    public let rulesFile: String
    public let testFile: String
    public let cases: [TestCaseResult]
    public let warnings: [Diagnostic]

    public var passedCount: Int { cases.count(where: \.passed) }
    public var failedCount: Int { cases.count - passedCount }
}
