/// `parse_int`, `parse_float`, `parse_string`, `parse_boolean`, `parse_char`: a value that cannot
/// be converted stops the evaluation, as in cfn-guard; a value of an unrelated kind gives no result.
enum ConversionFunctions {
    static func parseInt(_ values: [QueryValue]) throws(FunctionFailure) -> [QueryValue] {
        var results: [QueryValue] = []
        for value in values {
            switch value.kind {
            case .int: results.append(value)
            case .float:
                guard let number = value.floatValue, let integer = Int64(exactly: number.rounded(.towardZero)) else {
                    throw FunctionFailure(message: "the float does not fit in an integer")
                }
                results.append(.literal(.int(integer)))
            case .string:
                guard let text = value.stringValue, let integer = Int64(text) else {
                    throw FunctionFailure(message: "'\(value.stringValue ?? "")' is not an integer")
                }
                results.append(.literal(.int(integer)))
            default: continue
            }
        }
        return results
    }

    static func parseFloat(_ values: [QueryValue]) throws(FunctionFailure) -> [QueryValue] {
        var results: [QueryValue] = []
        for value in values {
            switch value.kind {
            case .float: results.append(value)
            case .int: results.append(.literal(.float(Double(value.intValue ?? 0))))
            case .string:
                guard let text = value.stringValue, let number = Double(text) else {
                    throw FunctionFailure(message: "'\(value.stringValue ?? "")' is not a number")
                }
                results.append(.literal(.float(number)))
            default: continue
            }
        }
        return results
    }

    static func parseString(_ values: [QueryValue]) -> [QueryValue] {
        values.compactMap { value in
            switch value {
            case .literal(.char(let character)): return .literal(.string(String(character)))
            default: break
            }
            switch value.kind {
            case .string: return value
            case .int: return value.intValue.map { .literal(.string(String($0))) }
            case .float: return value.floatValue.map { .literal(.string(rustFloatText($0))) }
            case .bool: return value.boolValue.map { .literal(.string($0 ? "true" : "false")) }
            default: return nil
            }
        }
    }

    /// Rust prints whole floats without a fraction (`1.0` → "1").
    private static func rustFloatText(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e16 { return String(Int64(number)) }
        return "\(number)"
    }

    static func parseBoolean(_ values: [QueryValue]) throws(FunctionFailure) -> [QueryValue] {
        var results: [QueryValue] = []
        for value in values {
            switch value.kind {
            case .bool: results.append(value)
            case .string:
                switch value.stringValue?.lowercased() {
                case "true": results.append(.literal(.bool(true)))
                case "false": results.append(.literal(.bool(false)))
                default: throw FunctionFailure(message: "'\(value.stringValue ?? "")' is not true or false")
                }
            default: continue
            }
        }
        return results
    }

    static func parseChar(_ values: [QueryValue]) throws(FunctionFailure) -> [QueryValue] {
        var results: [QueryValue] = []
        for value in values {
            switch value.kind {
            case .char: results.append(value)
            case .int:
                guard let digit = value.intValue, (0...9).contains(digit), let character = String(digit).first else {
                    throw FunctionFailure(message: "only the integers 0 to 9 convert to a character")
                }
                results.append(.literal(.char(character)))
            case .string:
                guard let text = value.stringValue, text.count == 1, let character = text.first else {
                    throw FunctionFailure(message: "'\(value.stringValue ?? "")' is not a single character")
                }
                results.append(.literal(.char(character)))
            default: continue
            }
        }
        return results
    }
}
