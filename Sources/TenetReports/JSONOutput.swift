import TenetDocument

/// Writes a report given as fields and `Value` trees through Tenet's one deterministic JSON
/// writer: fields in the order the encoder built them, two-space indentation, a final newline.
enum JSONOutput {
    /// A field of an object written by `write(object:into:)`: a value (left out when absent), a
    /// long list whose elements are made one at a time as they are written, or a list of objects
    /// that are themselves written field by field (SARIF's run, whose results are the long list).
    enum Field {
        case value(String, Value?)
        case list(String, count: Int, element: (Int) -> Value)
        case objects(String, [[Field]])
    }

    /// The bytes `JSONWriter` would give for the object as one tree, handed to `write` in
    /// batches: a report on every resource of a large run holds one element's tree and one batch
    /// of text at a time instead of a tree of the whole report, several times the size of its text.
    static func write(object fields: [Field], into write: ([UInt8]) -> Void) {
        var output: [UInt8] = []
        withoutActuallyEscaping(write) { write in
            ObjectWriter(write: write).object(fields, depth: 0, to: &output)
        }
        output.append(UInt8(ascii: "\n"))
        write(output)
    }

    /// Writes objects given as fields at any depth, indented as `JSONWriter` indents a tree.
    private struct ObjectWriter {
        let write: ([UInt8]) -> Void
        let writer = JSONWriter(style: .pretty)

        func object(_ fields: [Field], depth: Int, to output: inout [UInt8]) {
            output.append(UInt8(ascii: "{"))
            var written = 0
            func startField(_ key: String) {
                if written > 0 { output.append(UInt8(ascii: ",")) }
                written += 1
                newline(depth: depth + 1, to: &output)
                JSONWriter.writeString(key, to: &output)
                output.append(contentsOf: ": ".utf8)
            }
            for field in fields {
                switch field {
                case .value(_, nil):
                    continue
                case .value(let key, let value?):
                    startField(key)
                    writer.write(Document(value: value).root, depth: depth + 1, to: &output)
                case .list(let key, let count, let element):
                    startField(key)
                    list(count: count, depth: depth + 1, to: &output) { index, output in
                        writer.write(Document(value: element(index)).root, depth: depth + 2, to: &output)
                    }
                case .objects(let key, let objects):
                    startField(key)
                    list(count: objects.count, depth: depth + 1, to: &output) { index, output in
                        object(objects[index], depth: depth + 2, to: &output)
                    }
                }
            }
            if written > 0 { newline(depth: depth, to: &output) }
            output.append(UInt8(ascii: "}"))
        }

        private func list(count: Int, depth: Int, to output: inout [UInt8], element: (Int, inout [UInt8]) -> Void) {
            output.append(UInt8(ascii: "["))
            for index in 0..<count {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth: depth + 1, to: &output)
                element(index, &output)
                if output.count >= batchBytes {
                    write(output)
                    output.removeAll(keepingCapacity: true)
                }
            }
            if count > 0 { newline(depth: depth, to: &output) }
            output.append(UInt8(ascii: "]"))
        }

        private func newline(depth: Int, to output: inout [UInt8]) {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
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
