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

    /// A field of an object written by `write(object:into:)`: a value (left out when absent), or
    /// a long list whose elements are made one at a time as they are written.
    enum Field {
        case value(String, Value?)
        case list(String, count: Int, element: (Int) -> Value)
    }

    /// The bytes `bytes(.object(…))` would give, handed to `write` in batches: a report on every
    /// resource of a large run holds one element's tree and one batch of text at a time instead
    /// of a tree of the whole report, several times the size of its text.
    static func write(object fields: [Field], into write: ([UInt8]) -> Void) {
        let writer = JSONWriter(style: .pretty)
        var output: [UInt8] = [UInt8(ascii: "{")]
        var written = 0
        func startField(_ key: String) {
            if written > 0 { output.append(UInt8(ascii: ",")) }
            written += 1
            output.append(contentsOf: "\n  ".utf8)
            JSONWriter.writeString(key, to: &output)
            output.append(contentsOf: ": ".utf8)
        }
        for field in fields {
            switch field {
            case .value(_, nil):
                continue
            case .value(let key, let value?):
                startField(key)
                writer.write(Document(value: value).root, depth: 1, to: &output)
            case .list(let key, let count, let element):
                startField(key)
                output.append(UInt8(ascii: "["))
                for index in 0..<count {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    output.append(contentsOf: "\n    ".utf8)
                    writer.write(Document(value: element(index)).root, depth: 2, to: &output)
                    if output.count >= batchBytes {
                        write(output)
                        output.removeAll(keepingCapacity: true)
                    }
                }
                if count > 0 { output.append(contentsOf: "\n  ".utf8) }
                output.append(UInt8(ascii: "]"))
            }
        }
        if written > 0 { output.append(UInt8(ascii: "\n")) }
        output.append(contentsOf: "}\n".utf8)
        write(output)
    }

    /// Text handed on at a time: large enough that writing it costs little, small beside a report.
    private static let batchBytes = 1 << 20
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
