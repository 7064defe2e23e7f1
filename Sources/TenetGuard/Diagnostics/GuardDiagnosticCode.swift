import TenetDocument

extension DiagnosticCode {
    /// A rules file that does not follow the Guard grammar.
    public static let guardSyntax = DiagnosticCode("guard.syntax")
    /// A regex literal that does not compile.
    public static let guardRegex = DiagnosticCode("guard.regex")
    /// Rules nested deeper than the parser accepts.
    public static let guardNesting = DiagnosticCode("guard.too-deep")
    /// An error that stops the evaluation of a document: an undefined variable or rule, `empty`
    /// on a number, a failed conversion in a function, a `Resources`-less template under a type block.
    public static let guardEvaluation = DiagnosticCode("guard.evaluation")
    /// Rules that reference each other in a cycle (cfn-guard overflows its stack instead).
    public static let guardRuleCycle = DiagnosticCode("guard.rule-cycle")
    /// A rule-test file that does not have the Guard test shape.
    public static let guardTestFormat = DiagnosticCode("guard.test-format")
    /// Something a test run skips and says so: an expectation for an unknown rule, an orphan test file.
    public static let guardTestWarning = DiagnosticCode("guard.test-warning")
}
