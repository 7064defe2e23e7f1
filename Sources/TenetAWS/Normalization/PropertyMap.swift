import TenetDocument

/// The properties of one resource in the making, in the CloudFormation resource reference's names.
///
/// Setting nil leaves a property out: CloudFormation properties are absent when not configured,
/// and a rule such as `Encrypted exists` must see the same absence the template would show.
struct PropertyMap {
    private(set) var entries: [Value.Entry] = []

    subscript(name: String) -> Value? {
        get { entries.first { $0.key == name }?.value }
        set {
            entries.removeAll { $0.key == name }
            if let newValue { entries.append(Value.Entry(name, newValue)) }
        }
    }

    mutating func set(_ name: String, _ text: String?) { self[name] = text.map(Value.string) }
    mutating func set(_ name: String, _ flag: Bool?) { self[name] = flag.map(Value.bool) }
    mutating func set(_ name: String, _ number: Int64?) { self[name] = number.map(Value.int) }

    /// A list property, left out when empty, as CloudFormation leaves out an empty list.
    mutating func set(_ name: String, list elements: [Value]) { self[name] = elements.isEmpty ? nil : .list(elements) }

    /// A nested property, left out when none of its fields is set.
    mutating func set(_ name: String, nested: PropertyMap) { self[name] = nested.entries.isEmpty ? nil : nested.value }

    /// CloudFormation's `Tags: [{Key, Value}]`, sorted by key so the output is deterministic.
    mutating func setTags(_ tags: [String: String]) {
        set("Tags", list: tags.sorted { $0.key < $1.key }.map { ["Key": .string($0.key), "Value": .string($0.value)] })
    }

    var value: Value { .map(entries) }

    var node: Node { Document(value: value).root }
}
