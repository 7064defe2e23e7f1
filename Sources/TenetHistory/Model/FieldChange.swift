import TenetInventory

/// One changed value of an updated resource: where, what it was, what it became.
public struct FieldChange: Sendable, Equatable {
    public var resourceID: ResourceID
    /// RFC 6901 pointer into the configuration (`/Properties/BucketEncryption`).
    public var path: String
    /// Compact JSON of the old value; nil when the field was added.
    public var oldValue: String?
    /// Compact JSON of the new value; nil when the field was removed.
    public var newValue: String?

    public init(resourceID: ResourceID, path: String, oldValue: String?, newValue: String?) {
        self.resourceID = resourceID
        self.path = path
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
