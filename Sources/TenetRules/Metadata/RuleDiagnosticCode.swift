import TenetDocument

extension DiagnosticCode {
    public static let ruleMetadataMissing = DiagnosticCode("rules.metadata-missing")
    public static let ruleMetadataInvalid = DiagnosticCode("rules.metadata-invalid")
    public static let ruleInconsistent = DiagnosticCode("rules.inconsistent")
    public static let ruleDuplicateID = DiagnosticCode("rules.duplicate-id")
    public static let ruleUndeclaredParameter = DiagnosticCode("rules.undeclared-parameter")
    public static let ruleTestsMissing = DiagnosticCode("rules.tests-missing")
}
