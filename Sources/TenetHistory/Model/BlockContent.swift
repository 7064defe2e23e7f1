/// Every covered row of one block, in the order the digest reads them.
///
/// Array order is the rows' stored ordinal, so a reordered row changes the digest.
public struct BlockContent: Sendable, Equatable {
    public var versions: [ConfigurationVersion]
    public var changes: [FieldChange]
    public var transitions: [ComplianceTransition]
    public var summaries: [RuleSummary]
    /// A checkpoint's state as of the last pruned block; empty for a snapshot.
    public var baselineResources: [CurrentResource]
    public var baselineCompliance: [CurrentCompliance]

    public init(
        versions: [ConfigurationVersion] = [], changes: [FieldChange] = [], transitions: [ComplianceTransition] = [],
        summaries: [RuleSummary] = [], baselineResources: [CurrentResource] = [], baselineCompliance: [CurrentCompliance] = []
    ) {
        self.versions = versions
        self.changes = changes
        self.transitions = transitions
        self.summaries = summaries
        self.baselineResources = baselineResources
        self.baselineCompliance = baselineCompliance
    }
}
