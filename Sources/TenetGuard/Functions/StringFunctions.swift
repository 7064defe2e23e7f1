/// Functions that map each string value to another string; other values give no result.
enum StringFunctions {
    static func map(_ values: [QueryValue], _ transform: (String) -> String) -> [QueryValue] {
        values.compactMap { value in value.stringValue.map { .literal(.string(transform($0))) } }
    }

    /// Byte offsets `[from, to)`. Out of range, reversed, empty or splitting a character: no result.
    static func substring(_ values: [QueryValue], from: Int, to: Int) -> [QueryValue] {
        values.compactMap { value in
            guard let text = value.stringValue, !text.isEmpty else { return nil }
            let bytes = Array(text.utf8)
            guard from >= 0, from <= to, to <= bytes.count,
                  let slice = String(validating: bytes[from..<to], as: UTF8.self)
            else { return nil }
            return .literal(.string(slice))
        }
    }

    /// Percent-decoding; `%` not followed by two hex digits stays as it is, and `+` is not a space.
    static func urlDecode(_ values: [QueryValue]) throws(FunctionFailure) -> [QueryValue] {
        var decoded: [QueryValue] = []
        for value in values {
            guard let text = value.stringValue else { continue }
            let bytes = Array(text.utf8)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                   let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            guard let result = String(validating: output, as: UTF8.self) else {
                throw FunctionFailure(message: "'\(text)' does not decode to UTF-8 text")
            }
            decoded.append(.literal(.string(result)))
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
