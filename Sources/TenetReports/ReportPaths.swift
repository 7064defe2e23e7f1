import Foundation

/// How reports name files: as the scan result names them, except that absolute names under the
/// base directory become relative to it, because CI systems (GitHub code scanning, GitLab,
/// annotations) resolve report paths against the repository root and reject absolute ones.
struct ReportPaths: Sendable {
    let baseDirectory: String

    init(baseDirectory: String) {
        var base = baseDirectory
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        self.baseDirectory = base
    }

    /// The name to print for `file`.
    func display(_ file: String) -> String {
        if file.hasPrefix("/") {
            let prefix = baseDirectory == "/" ? "/" : baseDirectory + "/"
            return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
        }
        return file.hasPrefix("./") ? String(file.dropFirst(2)) : file
    }

    /// Where to read `file` from.
    func absolute(_ file: String) -> String {
        file.hasPrefix("/") ? file : baseDirectory + "/" + file
    }
}
