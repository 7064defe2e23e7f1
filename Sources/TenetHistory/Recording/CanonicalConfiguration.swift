import TenetDocument
import TenetInventory

/// The configuration a version stores and a diff compares: `{"Properties": …, "Tags": …}` with
/// keys in byte order, so its paths read like the failing checks' (`/Properties/BucketEncryption`).
public enum CanonicalConfiguration {
    static func value(of resource: InventoryResource) -> Value {
        [
            "Properties": ConfigurationHash.sortedKeys(resource.properties.value),
            "Tags": .map(resource.tags.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { Value.Entry($0.key, .string($0.value)) }),
        ]
    }

    public static func text(_ value: Value) -> String {
        JSONWriter(style: .compact).string(for: Document(value: value).root)
    }

    /// Reads back a stored configuration or value; nil when the text is not JSON (a hand-edited row,
    /// which `verify` reports).
    public static func parse(_ text: String) -> Value? {
        try? JSONLoader().load(SourceText(name: "<history>", bytes: Array(text.utf8))).root.value
    }
}
