/// A large template's top-level `Resources:` block, cut into runs of whole entries that libyaml
/// can read one by one, each on its own core.
///
/// Found by reading lines, not YAML: the block is the lines after a `Resources:` line at column 0
/// up to the next line at column 0 that is not a comment; an entry starts on a line indented as
/// much as the block's first one. A line inside a multi-line quoted or flow value can look like
/// an entry; a run cut there is left inside an unterminated value and fails to parse, and the
/// loader then reads the file whole. The cut is an optimisation, never a second reading of YAML.
struct ResourceBlockSplit: Sendable {
    struct Run: Sendable {
        /// Whole entries, from the start of the first one's line to the start of the next run's.
        var bytes: Range<Int>
        /// The 0-based line on which `bytes` starts.
        var firstLine: Int
    }

    /// From the line after `Resources:` to the first line at column 0 after it, or the end.
    var block: Range<Int>
    /// How far the entries' keys are indented.
    var indent: Int
    var runs: [Run]

    /// The split of `bytes` into runs of at least `runBytes`, or nil when the text has no such
    /// block, or too few entries to share out.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, runBytes: Int) {
        let resources = Array("Resources:".utf8)
        var lineStart = 0
        var line = 0
        var blockStart: Int?
        var blockEnd = bytes.count
        var indent = 0
        var entries: [(offset: Int, line: Int)] = []
        while lineStart < bytes.count {
            let lineEnd = Self.endOfLine(in: bytes, from: lineStart)
            var first = lineStart
            while first < lineEnd, bytes[first] == UInt8(ascii: " ") { first += 1 }
            let isBlank = first == lineEnd || bytes[first] == UInt8(ascii: "#") || bytes[first] == UInt8(ascii: "\r")
            if blockStart == nil {
                // Directives could give tags a meaning the runs would not know.
                if first == lineStart, first < lineEnd, bytes[first] == UInt8(ascii: "%") { return nil }
                if first == lineStart, Self.isBareKey(resources, in: bytes, at: lineStart, before: lineEnd) {
                    blockStart = min(lineEnd + 1, bytes.count)
                }
            } else if !isBlank {
                let column = first - lineStart
                if column == 0 {
                    blockEnd = lineStart
                    break
                }
                if entries.isEmpty { indent = column }
                if column == indent {
                    // A list or a complex key is no map of resources to share out.
                    guard bytes[first] != UInt8(ascii: "-"), bytes[first] != UInt8(ascii: "?") else { return nil }
                    entries.append((lineStart, line))
                } else if column < indent {
                    return nil
                }
            }
            lineStart = lineEnd + 1
            line += 1
        }
        guard let blockStart, entries.count >= 2 else { return nil }
        var starts: [(offset: Int, line: Int)] = []
        for entry in entries where starts.last.map({ entry.offset - $0.offset >= runBytes }) ?? true {
            starts.append(entry)
        }
        let runs = starts.indices.map { index in
            Run(bytes: starts[index].offset..<(index + 1 < starts.count ? starts[index + 1].offset : blockEnd), firstLine: starts[index].line)
        }
        guard runs.count >= 2 else { return nil }
        self.block = blockStart..<blockEnd
        self.indent = indent
        self.runs = runs
    }

    /// The offset of the line break ending the line that starts at `start`, or the end.
    private static func endOfLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// Whether the line is `key` alone, save for spaces and a comment.
    private static func isBareKey(_ key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int, before end: Int) -> Bool {
        guard end - start >= key.count, key.indices.allSatisfy({ bytes[start + $0] == key[$0] }) else { return false }
        var index = start + key.count
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\r") { index += 1 }
        return index == end || bytes[index] == UInt8(ascii: "#") && bytes[index - 1] == UInt8(ascii: " ")
    }
}
