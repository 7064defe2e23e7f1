import TenetDocument

/// One resource's configuration, normalized to the CloudFormation resource-property shape.
///
/// Whatever the collector — a template, a live API, an AWS Config snapshot — `properties` uses the
/// names and nesting of the CloudFormation resource reference, so one rule checks a resource
/// before deploy and after it.
public struct InventoryResource: Sendable {
    public var type: ResourceType
    public var id: ResourceID
    public var name: String?
    public var account: String?
    public var region: String?
    /// Tag keys and values; written sorted by key.
    public var tags: [String: String]
    /// A map node in the CloudFormation shape. For a template resource it keeps the template's
    /// locations, so findings point at the line to change.
    public var properties: Node
    public var relationships: [ResourceRelationship]
    /// Where the resource is declared, for template resources.
    public var source: FileLocation?
    /// Values left as intrinsics because the template alone does not decide them.
    public var unresolved: [UnresolvedValue]

    public init(
        type: ResourceType, id: ResourceID, name: String? = nil, account: String? = nil, region: String? = nil,
        tags: [String: String] = [:], properties: Node, relationships: [ResourceRelationship] = [], source: FileLocation? = nil,
        unresolved: [UnresolvedValue] = []
    ) {
        self.type = type
        self.id = id
        self.name = name
        self.account = account
        self.region = region
        self.tags = tags
        self.properties = properties
        self.relationships = relationships
        self.source = source
        self.unresolved = unresolved
    }

    /// SHA-256 of the canonical JSON of properties and tags: equal configurations, equal hashes,
    /// whatever the key order or the collector's formatting.
    public var configurationHash: String {
        ConfigurationHash.of(properties: properties, tags: tags)
    }
}

/// A typed link between two resources of one snapshot.
public struct ResourceRelationship: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The resource names the target in a property (`Ref`, `Fn::GetAtt`, an ARN, an id).
        case references
        /// The resource is attached to the target (a volume to an instance, a policy to a role).
        case attachedTo
        /// The resource lives inside the target (a subnet in a VPC).
        case containedIn
    }

    public var kind: Kind
    public var target: ResourceID

    public init(_ kind: Kind, _ target: ResourceID) {
        self.kind = kind
        self.target = target
    }
}
