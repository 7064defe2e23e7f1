/// The text `tenet test` prints: each failing case with expected against evaluated statuses, and
/// a last line `N passed, N failed` counting test cases.
public enum TestReportText {
    public static func render(_ result: GuardTestSuite.Result, verbose: Bool = false) -> String {
        var lines: [String] = []
        for file in result.files {
            let failing = file.cases.filter { !$0.passed }
            if failing.isEmpty && !verbose { continue }
            lines.append("\(file.testFile) (rules: \(file.rulesFile)): \(file.passedCount) passed, \(file.failedCount) failed")
            for testCase in verbose ? file.cases : failing {
                lines.append("  \(testCase.passed ? "PASS" : "FAIL") case \(testCase.testCase.displayName)")
                if let error = testCase.error {
                    lines.append("    error: \(error.description)")
                }
                for check in testCase.checks where verbose || !check.holds {
                    let evaluated = check.evaluated.map(\.rawValue).joined(separator: ", ")
                    lines.append("    \(check.rule): expected \(check.expected), evaluated \(evaluated)")
                }
            }
        }
        lines.append("\(result.passedCount) passed, \(result.failedCount) failed")
        return lines.joined(separator: "\n") + "\n"
    }
}
