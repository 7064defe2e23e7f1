import TenetInventory

/// A resource's configuration as one snapshot found it, when it differed from the previous one.
public struct ConfigurationVersion: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case created
        case updated
        case deleted
    }

    public var resourceID: ResourceID
    public var resourceType: ResourceType
    public var status: Status
    /// The inventory's configuration hash; empty for a deletion.
    public var configurationHash: String
    /// Canonical JSON of `{"Properties": …, "Tags": …}`; nil for a deletion.
    public var configuration: String?

    public init(resourceID: ResourceID, resourceType: ResourceType, status: Status, configurationHash: String, configuration: String?) {
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.status = status
        self.configurationHash = configurationHash
        self.configuration = configuration
    }
}
