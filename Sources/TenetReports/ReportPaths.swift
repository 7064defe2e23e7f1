import Foundation

/// How reports name files: as the scan result names them, except that absolute names under the
/// base directory become relative to it, because CI systems (GitHub code scanning, GitLab,
/// annotations) resolve report paths against the repository root and reject absolute ones.
struct ReportPaths: Sendable {
    let baseDirectory: String
    /// The base directory ending in `/`, as the bytes a name under it starts with: made once, as
    /// a report names a file several times for each of hundreds of thousands of evaluations.
    private let basePrefix: [UInt8]

    init(baseDirectory: String) {
        var base = baseDirectory
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        self.baseDirectory = base
        basePrefix = Array((base == "/" ? "/" : base + "/").utf8)
    }

    /// The name to print for `file`; `file` itself, not a copy, when it is printed as it is.
    func display(_ file: String) -> String {
        let bytes = file.utf8
        if bytes.first == UInt8(ascii: "/") {
            return bytes.starts(with: basePrefix) ? String(Substring(bytes.dropFirst(basePrefix.count))) : file
        }
        return bytes.starts(with: "./".utf8) ? String(Substring(bytes.dropFirst(2))) : file
    }

    /// Where to read `file` from.
    func absolute(_ file: String) -> String {
        file.hasPrefix("/") ? file : baseDirectory + "/" + file
    }
}
