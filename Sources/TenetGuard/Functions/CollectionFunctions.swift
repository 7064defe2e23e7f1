/// `count` and `join`: functions over a whole result list rather than each value.
enum CollectionFunctions {
    /// The number of values the query reached; unresolved results do not count.
    static func count(_ results: [QueryResult]) -> QueryValue {
        .literal(.int(Int64(results.count { $0.value != nil })))
    }

    /// One string of every value joined. cfn-guard stops on a value that is not a string (its
    /// documentation says such values are skipped; the code does not skip them).
    static func join(_ results: [QueryResult], delimiter: String) throws(FunctionFailure) -> QueryValue {
        var parts: [String] = []
        for result in results {
            guard let value = result.value else {
                throw FunctionFailure(message: "a value to join could not be resolved; expected strings")
            }
            guard let text = value.stringValue else {
                throw FunctionFailure(message: "cannot join a \(value.kind); expected strings (use [*] to join a list's elements)")
            }
            parts.append(text)
        }
        return .literal(.string(parts.joined(separator: delimiter)))
    }
}
