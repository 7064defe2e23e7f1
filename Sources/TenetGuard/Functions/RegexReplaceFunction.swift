/// `regex_replace(q, pattern, replacement)`.
///
/// cfn-guard builds the result from the expanded replacement of each match only, so the text
/// between and around matches is dropped and a string without a match becomes `""`. Tenet does
/// the same (see docs/guard-compatibility.md).
enum RegexReplaceFunction {
    static func replace(_ values: [QueryValue], pattern: QueryValue?, replacement: String) throws(FunctionFailure) -> [QueryValue] {
        let regex: GuardRegex
        switch pattern {
        case .literal(.regex(let literal))?:
            regex = literal
        case let value? where value.stringValue != nil:
            guard let text = value.stringValue, let compiled = GuardRegex(pattern: text) else {
                throw FunctionFailure(message: "the pattern is not a valid regular expression")
            }
            regex = compiled
        default:
            throw FunctionFailure(message: "the pattern must be a regex or a string")
        }
        return values.compactMap { value in
            guard let text = value.stringValue else { return nil }
            let expanded = regex.matchGroups(in: text).map { expand(replacement, groups: $0, regex: regex) }
            return .literal(.string(expanded.joined()))
        }
    }

    /// Rust regex `Captures::expand`: `$$` is a dollar, `$name` and `${name}` a group by number or
    /// name (the longest run of word characters), an unknown group is empty.
    static func expand(_ template: String, groups: [String?], regex: GuardRegex) -> String {
        var output = ""
        let scalars = Array(template.unicodeScalars)
        var index = 0
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$", index + 1 < scalars.count else {
                output.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            var name = ""
            if next == "$" {
                output.append("$")
                index += 2
                continue
            } else if next == "{" {
                guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                    output.unicodeScalars.append(scalar)
                    index += 1
                    continue
                }
                name = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                index = close + 1
            } else {
                var end = index + 1
                while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
                guard end > index + 1 else {
                    output.unicodeScalars.append(scalar)
                    index += 1
                    continue
                }
                name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                index = end
            }
            let group = Int(name) ?? regex.groupIndex(named: name)
            if let group, group < groups.count, let text = groups[group] { output += text }
        }
        return output
    }
}
