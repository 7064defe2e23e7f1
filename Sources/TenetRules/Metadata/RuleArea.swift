/// The areas of the managed library; each is a folder of `rules/`.
public enum RuleArea: String, Sendable, CaseIterable {
    case encryption
    case taggingAndOwnership = "tagging-and-ownership"
    case loggingAndMonitoring = "logging-and-monitoring"
    case publicAccess = "public-access"
    case iam
    case resilience
    case operationalExcellence = "operational-excellence"
}
