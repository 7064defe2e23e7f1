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

    /// `  MasterUserPassword: "hunter2"` → `  MasterUserPassword: <redacted>`, for YAML block
    /// mappings, list items and JSON members; other lines are returned unchanged.
    static func redactingSecretValue(_ line: String) -> String {
        var rest = Substring(line)
        rest = rest.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        let quote = rest.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
        if quote != nil { rest = rest.dropFirst() }
        let key = rest.prefix { $0 != ":" && $0 != quote && $0 != " " }
        rest = rest.dropFirst(key.count)
        if let quote, rest.first == quote { rest = rest.dropFirst() }
        guard !key.isEmpty, rest.first == ":", SecretRedaction.isSecretName(String(key)) else { return line }
        let value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        // A key alone opens a nested block; a reference (`!Ref`, `{"Ref": …}`) names no secret.
        guard !value.isEmpty, !value.hasPrefix("!"), !value.hasPrefix("{") else { return line }
        let valueStart = line.index(rest.startIndex, offsetBy: 1)
        let trailingComma = value.hasSuffix(",") ? "," : ""
        return String(line[..<valueStart]) + " " + SecretRedaction.marker + trailingComma
    }
}
