import Crypto
import TenetDocument

/// The SHA-256 of a configuration's canonical JSON: map keys sorted, no insignificant space.
///
/// The history store compares hashes to decide whether a resource changed between snapshots, so
/// the hash must not move when only key order or formatting differs.
public enum ConfigurationHash {
    public static func of(properties: Node, tags: [String: String]) -> String {
        of(properties: properties.value, tags: tags)
    }

    /// For callers that already hold the properties as a value, so they are copied out once.
    public static func of(properties: Value, tags: [String: String]) -> String {
        let canonical: Value = [
            "properties": sortedKeys(properties),
            "tags": .map(tags.sorted { $0.key < $1.key }.map { Value.Entry($0.key, .string($0.value)) }),
        ]
        var bytes: [UInt8] = []
        JSONWriter(style: .compact).write(Document(value: canonical).root, to: &bytes)
        return SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The value with every map's keys in byte order, as the hash and the history store keep configurations.
    public static func sortedKeys(_ value: Value) -> Value {
        switch value {
        case .map(let entries):
            return .map(entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { Value.Entry($0.key, sortedKeys($0.value)) })
        case .list(let elements):
            return .list(elements.map(sortedKeys))
        default:
            return value
        }
    }
}
