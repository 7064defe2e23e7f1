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
    private var files: [String: SourceText?] = [:]

    public init(baseDirectory: String) {
        paths = ReportPaths(baseDirectory: baseDirectory)
    }

    /// The 1-based line of `file` (a name as the scan result gives it), secrets redacted; nil when
    /// the file cannot be read or is shorter.
    public func line(_ number: Int, of file: String) -> String? {
        text(of: file)?.line(number).map(Self.redactingSecretValue)
    }

    private func text(of file: String) -> SourceText? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = files[file] { return cached }
        let bytes = FileManager.default.contents(atPath: paths.absolute(file)).map { [UInt8]($0) }
        let text = bytes.map { SourceText(name: file, bytes: $0) }
        files[file] = text
        return text
    }

    /// The line with the value of every secret-named property replaced by the marker:
    /// `  MasterUserPassword: "hunter2"` → `  MasterUserPassword: <redacted>`, and inside one-line
    /// JSON or YAML flow mappings (`{"MasterUserPassword":"hunter2","Engine":"mysql"}`), where a
    /// minified template holds its whole text on the quoted line.
    static func redactingSecretValue(_ line: String) -> String {
        redactingLeadingMember(line) ?? redactingInlineMembers(line)
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

    /// Every `key: value` member inside the line whose value is a quoted string or a flow
    /// scalar (ending at `,`, `}` or `]`); nested maps and tags (references) are left alone.
    private static func redactingInlineMembers(_ line: String) -> String {
        guard line.contains(":") else { return line }
        let member = try! Regex(#"["']?([A-Za-z][A-Za-z0-9_.\-]*)["']?\s*:\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,{}\[\]!][^,{}\[\]]*)"#)
        var redacted = ""
        var copied = line.startIndex
        for match in line.matches(of: member) {
            guard let key = match.output[1].range, let value = match.output[2].range,
                  SecretRedaction.isSecretName(String(line[key])) else { continue }
            redacted += line[copied..<value.lowerBound] + SecretRedaction.marker
            copied = value.upperBound
        }
        return redacted + line[copied...]
    }
}
