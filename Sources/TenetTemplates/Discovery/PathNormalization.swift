import Foundation

/// Template resource ids embed the template's path, so the same file must always be spelled the
/// same way: `./a//b/../c.yaml` and `/repo/a/c.yaml` (run from `/repo`) both become `a/c.yaml`.
public enum PathNormalization {
    public static func normalize(_ path: String, relativeTo workingDirectory: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if let last = components.last, last != ".." { components.removeLast() } else if !isAbsolute { components.append(component) }
            default: components.append(component)
            }
        }
        let joined = components.joined(separator: "/")
        guard isAbsolute else { return joined.isEmpty ? "." : joined }
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        let absolute = "/" + joined
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }
}
