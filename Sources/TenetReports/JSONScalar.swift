import TenetDocument

extension Value {
    /// Appends the value as `JSONWriter` writes it when it is a scalar — nearly every value a
    /// check compares — and returns false for a list or a map, which each report lays out its own
    /// way. Reports write hundreds of thousands of these, so no document is built around them.
    func appendJSONScalar(to bytes: inout [UInt8]) -> Bool {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .float(let number): bytes.append(contentsOf: JSONWriter.format(number).utf8)
        case .string(let text): JSONWriter.writeString(text, to: &bytes)
        case .list, .map: return false
        }
        return true
    }
}
