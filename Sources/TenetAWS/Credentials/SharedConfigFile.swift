import Foundation

/// The AWS shared credentials and config files (`~/.aws/credentials`, `~/.aws/config`): INI
/// sections of `key = value`.
///
/// In the config file a named profile's section is `[profile NAME]`; in the credentials file it
/// is `[NAME]`. Both spell the default profile `[default]`. Indented lines continue a nested
/// setting (`s3 =` followed by its sub-keys), which credential resolution never needs, so they
/// are skipped.
struct SharedConfigFile: Sendable {
    enum Kind: Sendable {
        case credentials
        case config
    }

    /// Profile name → settings, with keys lowercased as the SDKs treat them.
    private(set) var profiles: [String: [String: String]] = [:]

    init(text: String, kind: Kind) {
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let isContinuation = rawLine.first == " " || rawLine.first == "\t"
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = Self.profileName(section: String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces), kind: kind)
                if let current, profiles[current] == nil { profiles[current] = [:] }
                continue
            }
            guard !isContinuation, let profile = current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            profiles[profile]?[key] = value
        }
    }

    /// Reads a file; a missing file is simply empty, as in every SDK.
    init(path: String, kind: Kind) throws(AWSError) {
        guard FileManager.default.fileExists(atPath: path) else {
            self.init(text: "", kind: kind)
            return
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .credentials("\(path) cannot be read as UTF-8 text")
        }
        self.init(text: text, kind: kind)
    }

    private static func profileName(section: String, kind: Kind) -> String? {
        switch kind {
        case .credentials:
            return section
        case .config:
            if section == "default" { return "default" }
            guard section.hasPrefix("profile ") else { return nil }
            return section.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
        }
    }

    subscript(profile: String) -> [String: String]? { profiles[profile] }
}
