import TenetDocument

extension DiagnosticCode {
    /// A suppression, inline or central, that cannot be used: a missing owner or reason, a bad
    /// date, an unknown key. Refused rather than ignored, since a silently dropped exception would
    /// fail a build and a silently widened one would hide a finding.
    public static let invalidSuppression = DiagnosticCode("suppression.invalid")
}
