import TenetDocument
import TenetInventory

/// One template after collection: the resolved document rules evaluate, and its resources as
/// inventory entries whose properties are nodes of that document.
public struct CollectedTemplate: Sendable {
    /// The path as the resources' ids carry it: normalized, relative to the working directory.
    public var path: String
    /// The whole template with intrinsics resolved where the template decides them and secrets
    /// replaced by the marker; locations are those of the file.
    public var document: Document
    /// In the template's order.
    public var resources: [InventoryResource]
    /// The template's `Transform`s; the resources they would generate are not expanded.
    public var transforms: [String]
    /// Resources a transform would replace or generate from (`AWS::Serverless::*`, `Fn::ForEach`).
    public var notExpanded: [String]
    /// Unknown types, resources without a type, and what the loader noted.
    public var warnings: [Diagnostic]

    /// The resource with this logical id.
    public func resource(logicalID: String) -> InventoryResource? {
        let id = ResourceID.template(path: path, logicalID: logicalID)
        return resources.first { $0.id == id }
    }
}
