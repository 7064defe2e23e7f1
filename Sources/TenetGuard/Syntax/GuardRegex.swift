import Foundation

/// A regular expression from a rule, compiled once when the rule is parsed.
///
/// Guard uses Rust's fancy-regex (look-around, back-references, inline flags). ICU, behind
/// `NSRegularExpression`, supports the same constructs, which Swift's `Regex` does not (no
/// look-behind). Matching is a search, not an anchored match, as in Guard.
public struct GuardRegex: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written in the rule, used for display and equality.
    public let pattern: String
    // NSRegularExpression is immutable and documented as safe to share between threads.
    let compiled: NSRegularExpression
    private let memo = RegexMatchMemo()

    /// Compiles `pattern` in ICU's dialect (see `icuPattern`).
    public init?(pattern: String) {
        guard let compiled = try? NSRegularExpression(pattern: Self.icuPattern(pattern)) else { return nil }
        self.pattern = pattern
        self.compiled = compiled
    }

    /// Rust's spelling translated to ICU's: named groups `(?P<n>…)` and `(?P=n)`, and a brace
    /// that does not open a repetition (`{{resolve:…}}`), which Rust reads as a literal and ICU
    /// rejects.
    static func icuPattern(_ pattern: String) -> String {
        let scalars = Array(pattern.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        var inClass = false
        var openQuantifier = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                output.append(scalar)
                output.append(scalars[index + 1])
                index += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
                output.append(scalar)
            } else if scalar == "[" {
                inClass = true
                output.append(scalar)
                // A `]` right after `[` or `[^` is a literal member.
                if index + 1 < scalars.count, scalars[index + 1] == "^" {
                    output.append("^")
                    index += 1
                }
                if index + 1 < scalars.count, scalars[index + 1] == "]" {
                    output.append("]")
                    index += 1
                }
            } else if scalar == "{" {
                if isRepetition(scalars, from: index + 1) {
                    openQuantifier = true
                    output.append(scalar)
                } else {
                    output.append(contentsOf: "\\{".unicodeScalars)
                }
            } else if scalar == "}" {
                if openQuantifier {
                    openQuantifier = false
                    output.append(scalar)
                } else {
                    output.append(contentsOf: "\\}".unicodeScalars)
                }
            } else if scalar == "(", scalars[(index + 1)...].starts(with: "?P<".unicodeScalars) {
                output.append(contentsOf: "(?<".unicodeScalars)
                index += 4
                continue
            } else if scalar == "(", scalars[(index + 1)...].starts(with: "?P=".unicodeScalars),
                      let close = scalars[(index + 4)...].firstIndex(of: ")") {
                output.append(contentsOf: "\\k<".unicodeScalars)
                output.append(contentsOf: scalars[(index + 4)..<close])
                output.append(">")
                index = close + 1
                continue
            } else {
                output.append(scalar)
            }
            index += 1
        }
        return String(output)
    }

    /// `n}`, `n,}` or `n,m}` from `start`.
    private static func isRepetition(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start
        var digits = 0
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1; digits += 1 }
        guard digits > 0, index < scalars.count else { return false }
        if scalars[index] == "}" { return true }
        guard scalars[index] == "," else { return false }
        index += 1
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        return index < scalars.count && scalars[index] == "}"
    }

    public func matches(_ text: String) -> Bool {
        memo.answer(for: text) { text in compiled.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }
    }

    /// Every match with its capture groups, for `regex_replace`.
    func matchGroups(in text: String) -> [[String?]] {
        let nsText = text as NSString
        return compiled.matches(in: text, range: NSRange(location: 0, length: nsText.length)).map { match in
            (0..<match.numberOfRanges).map { index in
                let range = match.range(at: index)
                return range.location == NSNotFound ? nil : nsText.substring(with: range)
            }
        }
    }

    /// The group number of a named group, if the pattern declares it.
    func groupIndex(named name: String) -> Int? {
        // ICU has no API for group names; find the declaration in the pattern and count the
        // capturing groups opened before it.
        var index = 0
        let scalars = Array(pattern.unicodeScalars)
        var position = 0
        var inClass = false
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\\" {
                position += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
            } else if scalar == "[" {
                inClass = true
            } else if scalar == "(" {
                let rest = String(String.UnicodeScalarView(scalars[(position + 1)...]))
                if !rest.hasPrefix("?") {
                    index += 1
                } else if rest.hasPrefix("?P<") || (rest.hasPrefix("?<") && !rest.hasPrefix("?<=") && !rest.hasPrefix("?<!")) {
                    index += 1
                    let nameStart = rest.hasPrefix("?P<") ? 3 : 2
                    let afterOpen = rest.dropFirst(nameStart)
                    if let close = afterOpen.firstIndex(of: ">"), afterOpen[..<close] == name {
                        return index
                    }
                }
            }
            position += 1
        }
        return nil
    }

    public static func == (lhs: GuardRegex, rhs: GuardRegex) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
    public var description: String { "/\(pattern)/" }
}
