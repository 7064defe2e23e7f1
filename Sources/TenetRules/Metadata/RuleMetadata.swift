import TenetDocument

/// What Tenet knows about a managed rule besides its Guard body: who it applies to, how severe a
/// violation is, how to fix it, and which controls it evidences.
public struct RuleMetadata: Sendable, Equatable {
    /// What a rule reports on.
    public enum Target: Sendable, Equatable {
        /// Resources of these CloudFormation types.
        case resourceTypes([String])
        /// The account as a whole ("a trail is logging"), like AWS Config's periodic account rules.
        case account
    }

    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var description: String
        public var defaultValue: Value
    }

    public var id: String
    public var title: String
    public var severity: Severity
    public var area: RuleArea
    public var target: Target
    public var awsConfigRule: String?
    public var description: String
    public var rationale: String
    public var remediation: String
    public var parameters: [Parameter]
    public var controls: [ControlFramework: [String]]

    /// The declared parameter defaults as the `RuleParameters` map a rule reads.
    public var defaultParameters: Value {
        .map(parameters.map { Value.Entry($0.name, $0.defaultValue) })
    }
}
