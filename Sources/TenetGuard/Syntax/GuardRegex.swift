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

    /// Compiles `pattern`, translating the Rust-only spelling of named groups (`(?P<name>…)`).
    public init?(pattern: String) {
        let translated = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
        guard let compiled = try? NSRegularExpression(pattern: translated) else { return nil }
        self.pattern = pattern
        self.compiled = compiled
    }

    public func matches(_ text: String) -> Bool {
        compiled.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
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
