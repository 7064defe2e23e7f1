import Foundation
import TenetDocument

/// The central suppressions file (`.tenet/suppressions.yaml`), where a team reviews its exceptions
/// in one place:
///
/// ```yaml
/// version: 1
/// suppressions:
///   - rule: S3_BUCKET_LOGGING_ENABLED         # a rule id or a pattern (S3_*)
///     resource: templates/logs.yaml#LogBucket  # an id, a type (AWS::S3::Bucket) or a pattern over ids
///     path: /Properties/LoggingConfiguration   # optional: only failures under this property
///     reason: the log bucket cannot log to itself
///     owner: platform-team
///     expires: 2026-12-31                      # optional: valid through that day, UTC
/// ```
///
/// See docs/ci.md. Every problem is reported with the file, line and column of the entry.
public enum CentralSuppressions {
    /// Where `check` and `scan` look when `--suppressions` is not given; a missing default file
    /// means no central suppressions, a missing named file is an error.
    public static let defaultPath = ".tenet/suppressions.yaml"

    /// The suppressions a run uses: the file named by `--suppressions` when there is one (it must
    /// exist), otherwise `defaultPath` under `directory` (the repository root, where `.tenet.yaml`
    /// lives) when present, otherwise none.
    public static func load(named path: String?, orDefaultIn directory: String) throws(Diagnostic) -> [Suppression] {
        if let path { return try load(contentsOf: path) }
        let defaultFile = URL(fileURLWithPath: directory).appendingPathComponent(defaultPath).path
        guard FileManager.default.fileExists(atPath: defaultFile) else { return [] }
        return try load(contentsOf: defaultFile)
    }

    public static func load(contentsOf path: String) throws(Diagnostic) -> [Suppression] {
        try parse(try DocumentLoader().readSource(path))
    }

    public static func parse(_ source: SourceText) throws(Diagnostic) -> [Suppression] {
        let root = try DocumentLoader().load(source, as: .yaml).root
        let decoder = SuppressionEntryDecoder(source: source)
        guard root.kind == .map else {
            throw decoder.error("a suppressions file is a mapping with 'version: 1' and a 'suppressions' list", at: root)
        }
        for (key, value) in root.entries where key != "version" && key != "suppressions" {
            throw decoder.error("unknown key '\(key)'; expected version or suppressions", at: value)
        }
        if let version = root["version"], version.intValue != 1 {
            throw decoder.error("unsupported suppressions file version; expected 1", at: version)
        }
        guard let list = root["suppressions"] else { throw decoder.error("missing 'suppressions'; expected a list of suppressions", at: root) }
        // `suppressions:` with nothing under it is the file with its last exception removed.
        if list.isNull { return [] }
        guard list.kind == .list else {
            throw decoder.error("'suppressions' must be a list of {rule, resource, path, reason, owner, expires}", at: list)
        }
        var suppressions: [Suppression] = []
        for entry in list.children {
            suppressions.append(try decoder.decode(entry, origin: .central))
        }
        return suppressions
    }
}
