import Foundation
import TenetDocument
import TenetInventory

/// The lines of the files a report points into, each file read once and kept for the run.
///
/// One provider serves every format written from a run, so `--report text=… --report sarif=…`
/// reads each template once. A quoted line is the one place a report shows text the scan result
/// does not hold, so a line that sets a secret-named property (`MasterUserPassword: hunter2`)
/// is quoted with its value replaced by ``SecretRedaction/marker``, as the collectors do.
public final class SourceLines: @unchecked Sendable {
    private let paths: ReportPaths
    private let lock = NSLock()
    /// nil for a file that could not be read, so it is not retried for every finding.
    private var files: [String: ReadFile?] = [:]

    /// A file's lines, and those already quoted as strings by ``line(_:of:)``.
    private final class ReadFile {
        let text: IndexedText
        var quoted: [Int: String] = [:]

        init(_ text: IndexedText) {
            self.text = text
        }
    }

    /// A file's bytes with the offset of every line start, so quoting a line costs the line, not
    /// a scan from the top: a large template has a finding on most of its lines. Never changed
    /// once made, so the cores writing one report share it without taking the lock.
    final class IndexedText: Sendable {
        let bytes: [UInt8]
        let lineStarts: [Int]

        /// Line breaks are found with `memchr`: the file is indexed under the lock, while the
        /// other cores wait for their first quoted line.
        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0]
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                    offset = base.distance(to: UnsafeRawPointer(found)) + 1
                    starts.append(offset)
                }
            }
            lineStarts = starts
        }

        /// The 1-based line as a report quotes it: secrets redacted, invalid UTF-8 replaced; nil
        /// when the file is shorter. Nearly every line is ASCII naming no secret, and is the
        /// file's own bytes, not a copy.
        func quotedLine(_ number: Int) -> ArraySlice<UInt8>? {
            guard let line = line(number) else { return nil }
            guard SecretRedaction.mayHoldSecretName(line) else { return line }
            return Array(SourceLines.redactingSecretValue(String(decoding: line, as: UTF8.self)).utf8)[...]
        }

        private func line(_ number: Int) -> ArraySlice<UInt8>? {
            guard number >= 1, number <= lineStarts.count else { return nil }
            let start = lineStarts[number - 1]
            guard start < bytes.count || number == 1 else { return nil }
            var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return bytes[start..<end]
        }
    }

    public init(baseDirectory: String) {
        paths = ReportPaths(baseDirectory: baseDirectory)
    }

    /// The 1-based line of `file` (a name as the scan result gives it), secrets redacted; nil when
    /// the file cannot be read or is shorter. Each line is quoted once and kept: many findings
    /// quote the same line (a resource's declaration when a property is missing).
    public func line(_ number: Int, of file: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let read = read(file) else { return nil }
        if let done = read.quoted[number] { return done }
        let line = read.text.quotedLine(number).map { String(decoding: $0, as: UTF8.self) }
        read.quoted[number] = line
        return line
    }

    /// The lines of `file`, for a caller that quotes many of them from several cores; nil when
    /// the file cannot be read.
    func text(of file: String) -> IndexedText? {
        lock.lock()
        defer { lock.unlock() }
        return read(file)?.text
    }

    /// Called with the lock held.
    private func read(_ file: String) -> ReadFile? {
        if let cached = files[file] { return cached }
        let read = FileManager.default.contents(atPath: paths.absolute(file)).map { ReadFile(IndexedText([UInt8]($0))) }
        files[file] = read
        return read
    }

    /// The line with the value of every secret-named property replaced by the marker:
    /// `  MasterUserPassword: "hunter2"` → `  MasterUserPassword: <redacted>`, and inside one-line
    /// JSON or YAML flow mappings (`{"MasterUserPassword":"hunter2","Engine":"mysql"}`), where a
    /// minified template holds its whole text on the quoted line.
    static func redactingSecretValue(_ line: String) -> String {
        guard SecretRedaction.mayHoldSecretName(line) else { return line }
        return redactingLeadingMember(line) ?? redactingInlineMembers(line)
    }

    /// A block mapping entry, list item or JSON member that starts the line, whose value is the
    /// rest of the line; nil when the line does not start with a secret-named key.
    private static func redactingLeadingMember(_ line: String) -> String? {
        var rest = Substring(line)
        rest = rest.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        let quote = rest.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
        if quote != nil { rest = rest.dropFirst() }
        let key = rest.prefix { $0 != ":" && $0 != quote && $0 != " " }
        rest = rest.dropFirst(key.count)
        if let quote, rest.first == quote { rest = rest.dropFirst() }
        guard !key.isEmpty, rest.first == ":", SecretRedaction.isSecretName(String(key)) else { return nil }
        let value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        // A key alone opens a nested block and a tag (`!Ref`) names no secret; a flow map or
        // list is searched member by member.
        guard !value.isEmpty, !value.hasPrefix("!") else { return line }
        guard !value.hasPrefix("{"), !value.hasPrefix("[") else { return nil }
        let valueStart = line.index(rest.startIndex, offsetBy: 1)
        let trailingComma = value.hasSuffix(",") ? "," : ""
        return String(line[..<valueStart]) + " " + SecretRedaction.marker + trailingComma
    }

    /// Compiled once: quoting a source line is done for every finding of a large run.
    private static let inlineMember = try! NSRegularExpression(
        pattern: #"["']?([A-Za-z][A-Za-z0-9_.\-]*)["']?\s*:\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,{}\[\]!][^,{}\[\]]*)"#)

    /// Every `key: value` member inside the line whose value is a quoted string or a flow
    /// scalar (ending at `,`, `}` or `]`); nested maps and tags (references) are left alone.

    private static func redactingInlineMembers(_ line: String) -> String {
        guard line.contains(":") else { return line }
        let text = line as NSString
        var redacted = ""
        var copied = 0
        for match in inlineMember.matches(in: line, range: NSRange(location: 0, length: text.length)) {
            let key = match.range(at: 1), value = match.range(at: 2)
            guard key.location != NSNotFound, value.location != NSNotFound, SecretRedaction.isSecretName(text.substring(with: key)) else { continue }
            redacted += text.substring(with: NSRange(location: copied, length: value.location - copied)) + SecretRedaction.marker
            copied = value.location + value.length
        }
        return redacted + text.substring(from: copied)
    }
}
