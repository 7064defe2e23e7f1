/// A shell-style pattern over rule ids and resource ids: `*` matches any run of characters
/// (including `/`, `#` and `:`, which ids are full of) and `?` matches one; everything else matches
/// itself. A pattern without wildcards is an exact name, so one type serves ids and patterns alike.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    private let scalars: [Unicode.Scalar]

    public init(_ pattern: String) {
        self.pattern = pattern
        scalars = Array(pattern.unicodeScalars)
    }

    public var hasWildcards: Bool { scalars.contains("*") || scalars.contains("?") }

    public var description: String { pattern }

    /// Linear-time matching with one backtrack point: the last `*` seen resumes one character
    /// further on each mismatch, so no pattern can make it take exponential time.
    public func matches(_ text: String) -> Bool {
        guard hasWildcards else { return text == pattern }
        let input = Array(text.unicodeScalars)
        var patternIndex = 0
        var inputIndex = 0
        var star: (pattern: Int, input: Int)?
        while inputIndex < input.count {
            if patternIndex < scalars.count, scalars[patternIndex] == "*" {
                star = (patternIndex, inputIndex)
                patternIndex += 1
            } else if patternIndex < scalars.count, scalars[patternIndex] == "?" || scalars[patternIndex] == input[inputIndex] {
                patternIndex += 1
                inputIndex += 1
            } else if let resume = star {
                patternIndex = resume.pattern + 1
                inputIndex = resume.input + 1
                star = (resume.pattern, resume.input + 1)
            } else {
                return false
            }
        }
        return scalars[patternIndex...].allSatisfy { $0 == "*" }
    }
}
