import TenetInventory

/// Reads one service's resources of some types in one region.
///
/// A collector fails as a whole: if any call it needs fails, none of its types can be trusted to
/// be complete, so `AWSCollector` records all of them as failed rather than writing a part.
protocol ResourceCollector: Sendable {
    var service: AWSService { get }
    var types: [ResourceType] { get }
    /// Global services (IAM, S3's bucket list) are read once, not once per region.
    var isGlobal: Bool { get }
    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource]
}

extension ResourceCollector {
    var isGlobal: Bool { false }
}

/// The client and scope one collector run works with.
struct CollectionContext: Sendable {
    var client: AWSClient
    var scope: ResourceScope
    /// Every region being collected; global collectors use it to keep only those regions' resources.
    var regions: [String]
    /// Items per page where the API takes a page size; nil for the service's default.
    var pageSize: Int?
}
