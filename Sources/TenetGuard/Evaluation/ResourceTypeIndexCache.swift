import Foundation
import TenetDocument

/// The resource type indexes of the documents one evaluator has seen, shared by every rules file
/// evaluated with it, on any thread: an index is built once per document, not once per rule.
///
/// Entries hold their documents, so a cache lives as long as its evaluator (one scan).
final class ResourceTypeIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var indexes: [Node: ResourceTypeIndex] = [:]

    func index(of map: Node) -> ResourceTypeIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index = indexes[map] { return index }
        let index = ResourceTypeIndex(of: map)
        indexes[map] = index
        return index
    }
}
