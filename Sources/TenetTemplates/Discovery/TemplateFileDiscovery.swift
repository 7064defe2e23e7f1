import Foundation
import TenetDocument

/// Expands the paths a user names into the files to look at, in a stable order.
public struct TemplateFileDiscovery: Sendable {
    /// A file to look at, and whether the user named it (its errors are always errors) or it was
    /// found in a directory (a non-template that fails to parse is skipped).
    public struct File: Sendable, Hashable {
        /// Normalized and relative to the working directory: the spelling ids and reports use.
        public var path: String
        /// Where to read it from this process.
        public var readablePath: String
        public var isExplicit: Bool
    }

    /// Extensions of the files a directory walk considers.
    static let templateExtensions: Set<String> = ["yaml", "yml", "json", "template"]

    public var excludes: [String]
    public var workingDirectory: String

    public init(excludes: [String] = [], workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.excludes = excludes
        self.workingDirectory = workingDirectory
    }

    public func files(in paths: [String]) throws(Diagnostic) -> [File] {
        var files: [File] = []
        var seen: Set<String> = []
        for spelled in paths {
            let path = PathNormalization.normalize(spelled, relativeTo: workingDirectory)
            let given = spelled.hasPrefix("/") ? spelled : workingDirectory + "/" + spelled
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) else {
                throw Diagnostic(code: .unreadableFile, message: "no such file or directory; expected a template or a directory of templates", location: FileLocation(file: spelled, line: 1, column: 1))
            }
            if !isDirectory.boolValue {
                if seen.insert(path).inserted { files.append(File(path: path, readablePath: given, isExplicit: true)) }
                continue
            }
            for relative in walk(given) {
                let found = path == "." ? relative : path + "/" + relative
                if !isExcluded(found, at: given + "/" + relative), seen.insert(found).inserted {
                    files.append(File(path: found, readablePath: given + "/" + relative, isExplicit: false))
                }
            }
        }
        return files
    }

    /// Template files under a directory, relative to it and sorted; hidden directories (`.git`,
    /// `.build`) are skipped.
    private func walk(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard Self.templateExtensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    /// `--exclude` globs match the path as spelled, its file name, or — for globs anchored to a
    /// directory, as `.tenet.yaml` writes them — the file's absolute path.
    func isExcluded(_ path: String, at readablePath: String) -> Bool {
        guard !excludes.isEmpty else { return false }
        let absolute = URL(fileURLWithPath: readablePath).standardized.path
        return excludes.contains { pattern in
            fnmatch(pattern, path, 0) == 0 || fnmatch(pattern, (path as NSString).lastPathComponent, 0) == 0
                || (pattern.hasPrefix("/") && fnmatch(pattern, absolute, 0) == 0)
        }
    }
}
