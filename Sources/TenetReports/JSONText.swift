import TenetDocument

/// JSON text written field by field straight into bytes, laid out exactly as `JSONWriter` lays
/// out a tree (two-space indentation, `"key": value`, `{}` and `[]` when empty), for the JSON and
/// SARIF reports.
///
/// A large run reports hundreds of thousands of evaluations; building a `Value` for each, then a
/// `Document` from it only to write it out cost those reports most of their time. Written here
/// directly, an evaluation costs its bytes, and a long list can be written in parallel chunks
/// (``elements(count:flushingTo:_:)``).
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// Members written so far in each open container, innermost last.
    private var written: [Int] = []

    /// A field: a string, left out when absent, as optional fields are rather than `null`.
    mutating func field(_ key: String, _ text: String?) {
        guard let text else { return }
        member(key)
        JSONWriter.writeString(text, to: &bytes)
    }

    mutating func field(_ key: String, _ number: Int) {
        member(key)
        bytes.appendDecimal(number)
    }

    mutating func field(_ key: String, _ flag: Bool) {
        member(key)
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    /// A value from a template or a rule (a check's found and expected values), left out when absent.
    mutating func field(_ key: String, _ value: Value?) {
        guard let value else { return }
        member(key)
        write(value)
    }

    /// An object, as a field when `key` is given, else as the next element of a list.
    mutating func object(_ key: String? = nil, _ members: (inout JSONText) -> Void) {
        container(key, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), members)
    }

    /// A list, as a field when `key` is given, else as the next element of a list.
    mutating func list(_ key: String? = nil, _ elements: (inout JSONText) -> Void) {
        container(key, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), elements)
    }

    /// The next element of a list: a string.
    mutating func element(_ text: String) {
        member(nil)
        JSONWriter.writeString(text, to: &bytes)
    }

    /// `count` elements of the list being written, made by `element` on all cores and handed to
    /// `write` in order after what was written before them. Memory stays bounded: a few chunks of
    /// elements are held at a time, never the whole list.
    mutating func elements(count: Int, flushingTo write: ([UInt8]) -> Void, _ element: @escaping @Sendable (Int, inout JSONText) -> Void) {
        write(bytes)
        bytes.removeAll(keepingCapacity: true)
        let start = self
        ParallelChunks.encode(count: count, into: write) { range in
            var chunk = start
            chunk.written[chunk.written.count - 1] += range.lowerBound
            for index in range { element(index, &chunk) }
            return chunk.bytes
        }
        written[written.count - 1] += count
    }

    /// The text with its final newline.
    mutating func finished() -> [UInt8] {
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private mutating func container(_ key: String?, open: UInt8, close: UInt8, _ body: (inout JSONText) -> Void) {
        member(key)
        bytes.append(open)
        written.append(0)
        body(&self)
        if written.removeLast() > 0 { newline(depth: written.count) }
        bytes.append(close)
    }

    /// Separates the member from the one before it, indents it, and writes its key in an object.
    private mutating func member(_ key: String?) {
        guard !written.isEmpty else { return }
        if written[written.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
        written[written.count - 1] += 1
        newline(depth: written.count)
        guard let key else { return }
        JSONWriter.writeString(key, to: &bytes)
        bytes.append(contentsOf: ": ".utf8)
    }

    private mutating func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.appendSpaces(2 * depth)
    }

    /// Scalars are written directly; lists and maps go through `JSONWriter`, whose walk is
    /// iterative (template values nest to the depth limit) and which keeps the last of duplicate
    /// keys as documents do.
    private mutating func write(_ value: Value) {
        guard !value.appendJSONScalar(to: &bytes) else { return }
        JSONWriter(style: .pretty).write(Document(value: value).root, depth: written.count, to: &bytes)
    }
}
