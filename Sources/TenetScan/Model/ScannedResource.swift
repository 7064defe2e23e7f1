import TenetDocument
import TenetInventory

/// The resource a verdict is about, with what a reader needs to find it.
public struct ScannedResource: Sendable, Hashable {
    public var id: ResourceID
    public var type: ResourceType
    /// The template or inventory the resource came from, as given on the command line.
    public var document: String
    /// The resource's declaration in its template; nil for live resources.
    public var location: FileLocation?

    public init(id: ResourceID, type: ResourceType, document: String, location: FileLocation? = nil) {
        self.id = id
        self.type = type
        self.document = document
        self.location = location
    }

    /// The pseudo-resource that owns a document's account-level findings and failures that lie
    /// under no one resource, as AWS Config's `AWS::::Account` does; at the document's first line
    /// when the document is a file.
    public static func account(ofDocument document: String, id: ResourceID? = nil, inFile: Bool = true) -> ScannedResource {
        ScannedResource(
            id: id ?? ResourceID(document), type: .account, document: document,
            location: inFile ? FileLocation(file: document, line: 1, column: 1) : nil)
    }
}
