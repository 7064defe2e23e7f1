import Foundation
import TenetDocument

/// A built-in function that cannot produce a value from its input: the evaluation of the document
/// stops, as in cfn-guard (a non-string in `join`, `parse_int("ab")`).
struct FunctionFailure: Error {
    let message: String
}

/// Calling built-in functions: the caller's arguments are evaluated, then each function maps over
/// the resolved values of its first argument.
extension EvaluationSession {
    func evaluate(_ call: FunctionCall, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> [QueryResult] {
        var arguments: [[QueryResult]] = []
        for argument in call.arguments {
            arguments.append(try evaluate(argument, this: this, scope: scope).results)
        }
        do {
            return try Self.apply(call.function, to: arguments, now: now).map { .resolved($0) }
        } catch {
            throw evaluationError("\(call.function.rawValue): \(error.message)", at: call.span)
        }
    }

    private static func apply(_ function: GuardFunction, to arguments: [[QueryResult]], now: Date?) throws(FunctionFailure) -> [QueryValue] {
        let values = arguments.first?.compactMap(\.value) ?? []
        switch function {
        case .count: return [CollectionFunctions.count(arguments[0])]
        case .join: return [try CollectionFunctions.join(arguments[0], delimiter: try firstString(arguments[1], "the delimiter"))]
        case .jsonParse: return try JSONParseFunction.parse(values)
        case .regexReplace:
            return try RegexReplaceFunction.replace(values, pattern: arguments[1].first?.value, replacement: try firstString(arguments[2], "the replacement"))
        case .substring:
            return StringFunctions.substring(values, from: try firstInt(arguments[1], "from"), to: try firstInt(arguments[2], "to"))
        case .toUpper: return StringFunctions.map(values) { $0.uppercased() }
        case .toLower: return StringFunctions.map(values) { $0.lowercased() }
        case .urlDecode: return try StringFunctions.urlDecode(values)
        case .parseInt: return try ConversionFunctions.parseInt(values)
        case .parseFloat: return try ConversionFunctions.parseFloat(values)
        case .parseString: return ConversionFunctions.parseString(values)
        case .parseBoolean: return try ConversionFunctions.parseBoolean(values)
        case .parseChar: return try ConversionFunctions.parseChar(values)
        case .parseEpoch: return try TimeFunctions.parseEpoch(values)
        case .now: return [TimeFunctions.now(now ?? Date())]
        }
    }

    private static func firstString(_ results: [QueryResult], _ role: String) throws(FunctionFailure) -> String {
        guard let text = results.first?.value?.stringValue else { throw FunctionFailure(message: "\(role) must be a string") }
        return text
    }

    private static func firstInt(_ results: [QueryResult], _ role: String) throws(FunctionFailure) -> Int {
        guard let number = results.first?.value?.intValue, let index = Int(exactly: number) else {
            throw FunctionFailure(message: "'\(role)' must be an integer")
        }
        return index
    }
}
