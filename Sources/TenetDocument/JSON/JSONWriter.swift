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

    public func write(_ node: Node, to output: inout [UInt8]) {
        write(node, depth: 0, to: &output)
    }

    private func write(_ node: Node, depth: Int, to output: inout [UInt8]) {
        guard includeLocations else {
            writeValue(node, depth: depth, to: &output)
            return
        }
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
        writeValue(node, depth: depth + 1, to: &output)
        newline(depth, &output)
        output.append(UInt8(ascii: "}"))
    }

    private func writeValue(_ node: Node, depth: Int, to output: inout [UInt8]) {
        switch node.kind {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool: output.append(contentsOf: (node.boolValue! ? "true" : "false").utf8)
        case .int: output.append(contentsOf: String(node.intValue!).utf8)
        case .float: output.append(contentsOf: Self.format(node.floatValue!).utf8)
        case .string: Self.writeString(node.stringValue!, to: &output)
        case .list:
            output.append(UInt8(ascii: "["))
            for (index, child) in node.children.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth + 1, &output)
                write(child, depth: depth + 1, to: &output)
            }
            if node.count > 0 { newline(depth, &output) }
            output.append(UInt8(ascii: "]"))
        case .map:
            output.append(UInt8(ascii: "{"))
            for (index, child) in node.children.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth + 1, &output)
                Self.writeString(child.keyInParent!, to: &output)
                output.append(UInt8(ascii: ":"))
                space(&output)
                write(child, depth: depth + 1, to: &output)
            }
            if node.count > 0 { newline(depth, &output) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ depth: Int, _ output: inout [UInt8]) {
        guard style == .pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
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
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
