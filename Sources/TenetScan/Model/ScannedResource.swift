import TenetDocument
import TenetInventory

/// The resource a verdict is about, with what a reader needs to find it.
///
/// Every verdict on a resource carries it, and a large run holds hundreds of thousands of
/// verdicts on a few tens of thousands of resources: the fields live in one shared, immutable
/// box, so a verdict holds a reference rather than its own copy of two strings, a type and a
/// location.
public struct ScannedResource: Sendable, Hashable {
    public var id: ResourceID { fields.id }
    public var type: ResourceType { fields.type }
    /// The template or inventory the resource came from, as given on the command line.
    public var document: String { fields.document }
    /// The resource's declaration in its template; nil for live resources. Setting it gives
    /// this value a box of its own.
    public var location: FileLocation? {
        get { fields.location }
        set { fields = Fields(id: id, type: type, document: document, location: newValue) }
    }
    private var fields: Fields

    public init(id: ResourceID, type: ResourceType, document: String, location: FileLocation? = nil) {
        fields = Fields(id: id, type: type, document: document, location: location)
    }

    /// The pseudo-resource that owns a document's account-level findings and failures that lie
    /// under no one resource, as AWS Config's `AWS::::Account` does; at the document's first line
    /// when the document is a file.
    public static func account(ofDocument document: String, id: ResourceID? = nil, inFile: Bool = true) -> ScannedResource {
        ScannedResource(
            id: id ?? ResourceID(document), type: .account, document: document,
            location: inFile ? FileLocation(file: document, line: 1, column: 1) : nil)
    }

    public static func == (left: ScannedResource, right: ScannedResource) -> Bool {
        left.fields === right.fields
            || (left.id == right.id && left.type == right.type && left.document == right.document && left.location == right.location)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(type)
        hasher.combine(document)
        hasher.combine(location)
    }

    private final class Fields: Sendable {
        let id: ResourceID
        let type: ResourceType
        let document: String
        let location: FileLocation?

        init(id: ResourceID, type: ResourceType, document: String, location: FileLocation?) {
            self.id = id
            self.type = type
            self.document = document
            self.location = location
        }
    }
}
