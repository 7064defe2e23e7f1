import TenetDocument

extension DiagnosticCode {
    /// A baseline file that cannot be read as one: comparing against a misread baseline would pass
    /// new findings as persistent, or fail every old one.
    public static let invalidBaseline = DiagnosticCode("baseline.invalid")
    public static let baselineWriteFailed = DiagnosticCode("baseline.write-failed")
}
