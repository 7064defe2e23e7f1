import Foundation
import TenetDocument

extension BaselineFile {
    /// The file's bytes: pretty JSON in a fixed key order with a final newline, so a re-recorded
    /// baseline diffs cleanly in review.
    public var encoded: String {
        let findings: [Value] = entries.map { entry in
            var fields: [Value.Entry] = [
                Value.Entry("fingerprint", .string(entry.fingerprint.rawValue)),
                Value.Entry("rule", .string(entry.rule)),
                Value.Entry("resource", .string(entry.resource.rawValue)),
            ]
            if let path = entry.propertyPath { fields.append(Value.Entry("path", .string(path))) }
            return .map(fields)
        }
        let root: Value = .map([
            Value.Entry("format", .string(Self.format)),
            Value.Entry("version", .int(Int64(Self.version))),
            Value.Entry("findings", .list(findings)),
        ])
        return JSONWriter(style: .pretty).string(for: Document(value: root).root) + "\n"
    }

    /// Writes the file whole or not at all: a half-written baseline would class every finding past
    /// the cut as new. A device or pipe is written in place (`OutputPath`).
    public func write(to path: String) throws(Diagnostic) {
        do {
            try Data(encoded.utf8).write(to: URL(fileURLWithPath: path), options: OutputPath.isWrittenInPlace(path) ? [] : .atomic)
        } catch {
            throw Diagnostic(code: .baselineWriteFailed, message: "could not write the baseline to '\(path)': \(error.localizedDescription)")
        }
    }
}
