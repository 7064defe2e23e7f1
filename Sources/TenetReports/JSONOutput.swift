import TenetDocument

/// Writes a report built as a `Value` tree through Tenet's one deterministic JSON writer: fields
/// in the order the encoder built them, two-space indentation, a final newline.
enum JSONOutput {
    static func bytes(_ value: Value) -> [UInt8] {
        var output: [UInt8] = []
        JSONWriter(style: .pretty).write(Document(value: value).root, to: &output)
        output.append(UInt8(ascii: "\n"))
        return output
    }
}

extension Value {
    /// A map without the entries whose value is absent, for optional fields that are left out
    /// rather than written as `null`.
    static func object(_ entries: [(String, Value?)]) -> Value {
        .map(entries.compactMap { key, value in value.map { Value.Entry(key, $0) } })
    }

    /// A string field that may be absent.
    static func text(_ text: String?) -> Value? {
        text.map { .string($0) }
    }

    static func number(_ number: Int) -> Value {
        .int(Int64(number))
    }
}
