/// Writes documents as JSON text.
///
/// Ints and floats stay distinct (a float always shows a point or an exponent), map order is kept,
/// and output is byte-for-byte deterministic. Non-finite floats, which JSON cannot express, are
/// written as `Infinity`, `-Infinity` and `NaN`, as Python's and JavaScript's encoders do.
public struct JSONWriter: Sendable {
    public enum Style: Sendable {
        /// One line, no spaces: JSON Lines.
        case compact
        /// Two-space indentation, for people.
        case pretty
    }

    public var style: Style
    /// Wraps every node as `{"line": L, "column": C, "value": …}`.
    public var includeLocations: Bool

    public init(style: Style = .pretty, includeLocations: Bool = false) {
        self.style = style
        self.includeLocations = includeLocations
    }

    public func string(for node: Node) -> String {
        var output: [UInt8] = []
        write(node, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Iterative, with a stack of open containers: a document nested to the depth limit must not
    /// depend on the size of the calling thread's stack. `depth` is the nesting the node is
    /// written at, for a caller that writes the containers around it itself (a report streamed
    /// an element at a time).
    public func write(_ node: Node, depth: Int = 0, to output: inout [UInt8]) {
        var open: [OpenContainer] = []
        writeStart(of: node, depth: depth, to: &output, opening: &open)
        while let top = open.last {
            if top.next < top.node.count {
                let child = top.node.children[top.next]
                open[open.count - 1].next += 1
                if top.next > 0 { output.append(UInt8(ascii: ",")) }
                newline(top.depth + 1, &output)
                if top.node.kind == .map {
                    Self.writeString(child.keyInParent!, to: &output)
                    output.append(UInt8(ascii: ":"))
                    space(&output)
                }
                writeStart(of: child, depth: top.depth + 1, to: &output, opening: &open)
                continue
            }
            open.removeLast()
            if top.node.count > 0 { newline(top.depth, &output) }
            output.append(UInt8(ascii: top.node.kind == .map ? "}" : "]"))
            if let wrapperDepth = top.wrapperDepth { closeWrapper(depth: wrapperDepth, &output) }
        }
    }

    /// A list or map whose children are being written.
    private struct OpenContainer {
        let node: Node
        let depth: Int
        /// The depth of its `{"line", "column", "value"}` wrapper, to close after it.
        let wrapperDepth: Int?
        var next = 0
    }

    /// Writes a scalar whole, or a container's opening bracket and pushes it onto `open`.
    private func writeStart(of node: Node, depth: Int, to output: inout [UInt8], opening open: inout [OpenContainer]) {
        var valueDepth = depth
        if includeLocations {
            let location = node.location
            output.append(UInt8(ascii: "{"))
            newline(depth + 1, &output)
            output.append(contentsOf: "\"line\":".utf8)
            space(&output)
            output.append(contentsOf: String(location.line).utf8)
            output.append(UInt8(ascii: ","))
            newline(depth + 1, &output)
            output.append(contentsOf: "\"column\":".utf8)
            space(&output)
            output.append(contentsOf: String(location.column).utf8)
            output.append(UInt8(ascii: ","))
            newline(depth + 1, &output)
            output.append(contentsOf: "\"value\":".utf8)
            space(&output)
            valueDepth = depth + 1
        }
        switch node.kind {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool: output.append(contentsOf: (node.boolValue! ? "true" : "false").utf8)
        case .int: output.append(contentsOf: String(node.intValue!).utf8)
        case .float: output.append(contentsOf: Self.format(node.floatValue!).utf8)
        case .string: Self.writeString(node.stringValue!, to: &output)
        case .list, .map:
            output.append(UInt8(ascii: node.kind == .map ? "{" : "["))
            open.append(OpenContainer(node: node, depth: valueDepth, wrapperDepth: includeLocations ? depth : nil))
            return
        }
        if includeLocations { closeWrapper(depth: depth, &output) }
    }

    private func closeWrapper(depth: Int, _ output: inout [UInt8]) {
        newline(depth, &output)
        output.append(UInt8(ascii: "}"))
    }

    private func newline(_ depth: Int, _ output: inout [UInt8]) {
        guard style == .pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.appendSpaces(depth * 2)
    }

    private func space(_ output: inout [UInt8]) {
        if style == .pretty { output.append(UInt8(ascii: " ")) }
    }

    /// The shortest text that reads back as the same double, always marked as a float.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        let text = "\(number)"
        if text.contains(".") || text.contains("e") { return text }
        return text + ".0"
    }

    public static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Text between escapes is copied a run at a time, not a byte at a time: Guard messages are
        // multi-line blocks, and a report writes one for each of a hundred thousand findings.
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            while let index = firstByteNeedingEscape(in: bytes, from: runStart) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(of: bytes[index], to: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The first control character, `"` or `\` at or after `start`. Searched eight bytes at a time
    /// while none of them is one: a large JSON report is hundreds of megabytes of strings, and
    /// testing each byte was most of the time taken to write them.
    private static func firstByteNeedingEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = start
        while index < bytes.count {
            if index + 8 <= bytes.count, !holdsByteNeedingEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return nil
    }

    /// Whether any of the eight bytes of `word` is below 0x20, `"` or `\`, by the bit test for a
    /// byte below a bound (a byte equal to `"` or `\` is zero once the word is XORed with it):
    /// the high bit of a byte is set in `(x - 0x01…01 × n) & ~x & 0x80…80` when some byte of `x`
    /// is below `n`.
    private static func holdsByteNeedingEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ x: UInt64, _ bound: UInt64) -> Bool { (x &- ones &* bound) & ~x & highBits != 0 }
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
    }

    private static func appendEscape(of byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
        case 0x0A: output.append(contentsOf: "\\n".utf8)
        case 0x0D: output.append(contentsOf: "\\r".utf8)
        case 0x09: output.append(contentsOf: "\\t".utf8)
        case 0x08: output.append(contentsOf: "\\b".utf8)
        case 0x0C: output.append(contentsOf: "\\f".utf8)
        default:
            let hex = String(byte, radix: 16)
            output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        }
    }
}
