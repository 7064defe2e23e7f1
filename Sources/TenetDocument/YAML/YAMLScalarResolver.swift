/// Resolves the type of a plain (unquoted, untagged) YAML scalar the way YAML 1.1 does, which is
/// what CloudFormation and cfn-lint (through PyYAML) read.
///
/// The consequences people trip over are deliberate: `yes`, `On` and `OFF` are booleans, `017` is
/// octal 15, `1_000` is 1000, `12:30` is 750 (base 60), `1e3` is a *string* because a YAML 1.1
/// float needs a dot, and `2010-09-09` stays a string (timestamps are not resolved).
enum ResolvedScalar: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string
    /// Looks like an integer but does not fit in 64 bits.
    case intOverflow
}

enum YAMLScalarResolver {
    static func resolve(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        guard let first = text.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return text.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isWord(text, "null") { return .null }
            if isWord(text, "no") { return .bool(false) }
            return .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            return isWord(text, "yes") ? .bool(true) : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return isWord(text, "true") ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isWord(text, "false") ? .bool(false) : .string
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            if isWord(text, "on") { return .bool(true) }
            if isWord(text, "off") { return .bool(false) }
            return .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return resolveNumber(text)
        default:
            return .string
        }
    }

    /// Whether `text` is `word` (given in lower case) as YAML 1.1 spells it: lower case,
    /// Capitalised or UPPER (`true`, `True`, `TRUE`), never mixed (`tRUE` is a string). Compared
    /// byte by byte, with no allocation: nearly every key and value starts with a letter.
    private static func isWord(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard text.count == word.utf8CodeUnitCount else { return false }
        let lower = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let upperCaseOffset = UInt8(ascii: "a") - UInt8(ascii: "A")
        var restIsLower = true
        var restIsUpper = true
        for index in 1..<text.count {
            restIsLower = restIsLower && text[index] == lower[index]
            restIsUpper = restIsUpper && text[index] == lower[index] - upperCaseOffset
        }
        if text[0] == lower[0] { return restIsLower }
        return text[0] == lower[0] - upperCaseOffset && (restIsLower || restIsUpper)
    }

    // MARK: Numbers

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func resolveNumber(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        // PyYAML tries the float pattern before the int pattern; they never both match.
        if isFloat(text) { return parseFloat(text) }
        if isInt(text) { return parseInt(text) }
        return .string
    }

    /// `[-+]?(0b[01_]+ | 0[0-7_]+ | 0 | [1-9][0-9_]* | 0x[0-9a-fA-F_]+ | [1-9][0-9_]*(:[0-5]?[0-9])+)`
    static func isInt(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") { index = 1 }
        let body = UnsafeBufferPointer(rebasing: text[index...])
        guard let first = body.first else { return false }
        if body.count >= 2, first == UInt8(ascii: "0") {
            let marker = body[1]
            let rest = body[2...]
            if marker == UInt8(ascii: "b") {
                return !rest.isEmpty && rest.allSatisfy { $0 == 48 || $0 == 49 || $0 == 95 }
            }
            if marker == UInt8(ascii: "x") {
                return !rest.isEmpty && rest.allSatisfy { isHexDigit($0) || $0 == 95 }
            }
            return body[1...].allSatisfy { ($0 >= 48 && $0 <= 55) || $0 == 95 }
        }
        if first == UInt8(ascii: "0") { return body.count == 1 }
        guard first >= 49 && first <= 57 else { return false }
        var position = 1
        while position < body.count, isDigit(body[position]) || body[position] == 95 { position += 1 }
        if position == body.count { return true }
        return isSexagesimalTail(body, from: position, allowFraction: false)
    }

    /// `(:[0-5]?[0-9])+` and, for floats, a final `\.[0-9_]*`.
    private static func isSexagesimalTail(_ body: UnsafeBufferPointer<UInt8>, from start: Int, allowFraction: Bool) -> Bool {
        var position = start
        var groups = 0
        while position < body.count, body[position] == UInt8(ascii: ":") {
            position += 1
            guard position < body.count, isDigit(body[position]) else { return false }
            if position + 1 < body.count, isDigit(body[position + 1]) {
                guard body[position] <= UInt8(ascii: "5") else { return false }
                position += 2
            } else {
                position += 1
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if position == body.count { return !allowFraction }
        guard allowFraction, body[position] == UInt8(ascii: ".") else { return false }
        return body[(position + 1)...].allSatisfy { isDigit($0) || $0 == 95 }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
    }

    /// The five alternatives of YAML 1.1's float pattern, as PyYAML writes it.
    static func isFloat(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let hasSign = text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+")
        let body = UnsafeBufferPointer(rebasing: text[(hasSign ? 1 : 0)...])
        guard let first = body.first else { return false }
        if first == UInt8(ascii: ".") {
            let rest = Array(body[1...])
            if rest == Array("inf".utf8) || rest == Array("Inf".utf8) || rest == Array("INF".utf8) { return true }
            if rest == Array("nan".utf8) || rest == Array("NaN".utf8) || rest == Array("NAN".utf8) { return !hasSign }
            // `\.[0-9][0-9_]*([eE][-+][0-9]+)?`, without a sign.
            guard !hasSign, let digit = rest.first, isDigit(digit) else { return false }
            return isFractionAndExponent(body, from: 1)
        }
        guard isDigit(first) else { return false }
        var position = 1
        while position < body.count, isDigit(body[position]) || body[position] == 95 { position += 1 }
        guard position < body.count else { return false }
        if body[position] == UInt8(ascii: ".") {
            return isFractionAndExponent(body, from: position + 1)
        }
        return isSexagesimalTail(body, from: position, allowFraction: true)
    }

    /// `[0-9_]*([eE][-+][0-9]+)?` from `start` to the end.
    private static func isFractionAndExponent(_ body: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var position = start
        while position < body.count, isDigit(body[position]) || body[position] == 95 { position += 1 }
        if position == body.count { return true }
        guard body[position] == UInt8(ascii: "e") || body[position] == UInt8(ascii: "E") else { return false }
        position += 1
        guard position < body.count, body[position] == UInt8(ascii: "-") || body[position] == UInt8(ascii: "+") else { return false }
        position += 1
        guard position < body.count else { return false }
        return body[position...].allSatisfy(isDigit)
    }

    private static func parseInt(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        var digits = text.filter { $0 != 95 }
        var negative = false
        if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") {
            negative = digits.removeFirst() == UInt8(ascii: "-")
        }
        var magnitude: UInt64?
        if digits.count > 1, digits[0] == UInt8(ascii: "0") {
            switch digits[1] {
            case UInt8(ascii: "b"): magnitude = accumulate(digits[2...], radix: 2)
            case UInt8(ascii: "x"): magnitude = accumulate(digits[2...], radix: 16)
            default: magnitude = accumulate(digits[1...], radix: 8)
            }
        } else if digits.contains(UInt8(ascii: ":")) {
            var total: UInt64 = 0
            for part in digits.split(separator: UInt8(ascii: ":")) {
                guard let value = accumulate(part, radix: 10) else { return .intOverflow }
                let (scaled, overflow1) = total.multipliedReportingOverflow(by: 60)
                let (sum, overflow2) = scaled.addingReportingOverflow(value)
                guard !overflow1, !overflow2 else { return .intOverflow }
                total = sum
            }
            magnitude = total
        } else {
            magnitude = accumulate(digits[...], radix: 10)
        }
        guard let magnitude else { return .intOverflow }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return .intOverflow }
            return .int(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { return .intOverflow }
        return .int(Int64(magnitude))
    }

    private static func accumulate(_ digits: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
        guard !digits.isEmpty else { return 0 }
        var total: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case 48...57: digit = UInt64(byte - 48)
            case 97...102: digit = UInt64(byte - 87)
            case 65...70: digit = UInt64(byte - 55)
            default: return nil
            }
            let (scaled, overflow1) = total.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = scaled.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            total = sum
        }
        return total
    }

    private static func parseFloat(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        var body = String(decoding: text.filter { $0 != 95 }, as: UTF8.self).lowercased()
        var sign = 1.0
        if body.hasPrefix("-") { sign = -1 }
        if body.hasPrefix("-") || body.hasPrefix("+") { body.removeFirst() }
        if body == ".inf" { return .float(sign * .infinity) }
        if body == ".nan" { return .float(.nan) }
        if body.contains(":") {
            var total = 0.0
            for part in body.split(separator: ":") {
                total = total * 60 + (Double(normalizedDecimal(String(part))) ?? 0)
            }
            return .float(sign * total)
        }
        guard let value = Double(normalizedDecimal(body)) else { return .string }
        return .float(sign * value)
    }

    /// Swift's `Double(_:)` wants digits on both sides of the point; YAML allows `1.` and `.5`.
    private static func normalizedDecimal(_ text: String) -> String {
        var result = text
        if result.hasPrefix(".") { result = "0" + result }
        if let dot = result.firstIndex(of: ".") {
            let next = result.index(after: dot)
            if next == result.endIndex || result[next] == "e" {
                result.insert("0", at: next)
            }
        }
        return result
    }
}
