import Foundation
import TenetDocument

/// Reads rules files from disk: single files, or every `.guard` and `.ruleset` file under a
/// directory, in path order.
public struct RulesFileLoader: Sendable {
    public init() {}

    public func load(contentsOf path: String) throws(Diagnostic) -> RulesFile {
        let source = try DocumentLoader().readSource(path)
        return try GuardParser.parse(source)
    }

    /// The rules files a command-line path names.
    public static func ruleFiles(at path: String) -> [String] {
        files(at: path, extensions: TestFilePairing.ruleExtensions)
    }

    /// The data files a command-line path names.
    public static func dataFiles(at path: String) -> [String] {
        files(at: path, extensions: DocumentFormat.documentExtensions)
    }

    /// The path itself when it is a file; the matching files below it when it is a directory.
    static func files(at path: String, extensions: Set<String>) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let entries = FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
        return entries
            .filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            .sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }
}
