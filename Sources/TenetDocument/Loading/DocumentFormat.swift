/// The two syntaxes Tenet reads.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case json
    case yaml

    /// The format a path's extension names, or nil where it names none (`.template`, no extension),
    /// in which case the content decides.
    public static func fromExtension(of path: String) -> DocumentFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "json", "jsn": return .json
        case "yaml", "yml": return .yaml
        default: return nil
        }
    }

    /// JSON when the first meaningful character opens an object or array. YAML's flow style can
    /// start the same way, so a loader that sniffs JSON falls back to YAML when JSON fails.
    public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return .json
            default:
                return .yaml
            }
        }
        return .yaml
    }

    /// File extensions Tenet treats as documents when it walks a directory.
    public static let documentExtensions: Set<String> = ["json", "jsn", "yaml", "yml", "template"]
}
