import TenetDocument

/// A named selection of managed rules with parameter values, like an AWS Config conformance pack.
///
/// ```yaml
/// name: cis-aws-foundations
/// description: …
/// select:                       # optional: whole areas, frameworks, or `all: true`
///   frameworks: [cis-aws-foundations]
/// rules:                        # optional: rules by id, with parameter values
///   - CW_LOGGROUP_RETENTION_PERIOD_CHECK: {MinRetentionTime: 365}
///   - ENCRYPTED_VOLUMES
/// exclude: [SOME_RULE]          # optional
/// ```
/// Selections are resolved against the library when the pack is used, so a rule added to an area
/// joins that area's pack without editing it.
public struct RulePack: Sendable {
    public struct Selection: Sendable, Equatable {
        public var all = false
        public var areas: [RuleArea] = []
        public var frameworks: [ControlFramework] = []
    }

    public var name: String
    public var description: String
    public var selection: Selection
    /// Rules named explicitly, in order, with the parameter values the pack sets for them.
    public var rules: [(id: String, parameters: [(name: String, value: Node)])]
    public var excluded: [String]
    public var path: String
}

extension DiagnosticCode {
    public static let invalidPack = DiagnosticCode("rules.invalid-pack")
    public static let unknownPack = DiagnosticCode("rules.unknown-pack")
}
