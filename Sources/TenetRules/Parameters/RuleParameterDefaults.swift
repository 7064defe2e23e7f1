import Foundation
import TenetDocument
import TenetGuard

extension RuleParameters {
    /// The declared defaults of these rules, each under its own rule's name.
    public init(defaultsOf metadata: [RuleMetadata]) {
        var byRule: [String: Node] = [:]
        for rule in metadata where !rule.parameters.isEmpty {
            byRule[rule.id] = Document(value: rule.defaultParameters, sourceName: "\(rule.id) defaults").root
        }
        self.init(byRule: byRule)
    }

    /// The defaults declared by the metadata blocks of the rule files at `path` (a file, or a
    /// directory searched recursively), so that `tenet test` runs managed rules as a scan would.
    /// Files without a metadata block contribute nothing; a block that does not parse is returned
    /// as a warning, since the rule itself can still be tested.
    public static func managedDefaults(at path: String) -> (parameters: RuleParameters, warnings: [Diagnostic]) {
        var metadata: [RuleMetadata] = []
        var warnings: [Diagnostic] = []
        for file in ruleFiles(at: path) {
            guard let data = FileManager.default.contents(atPath: file), data.starts(with: Array(RuleMetadataParser.fence.utf8)) else { continue }
            do {
                metadata.append(try RuleMetadataParser.parse(SourceText(name: file, bytes: Array(data))))
            } catch {
                var warning = error
                warning.severity = .warning
                warnings.append(warning)
            }
        }
        return (RuleParameters(defaultsOf: metadata), warnings)
    }

    private static func ruleFiles(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".guard") { files.append((path as NSString).appendingPathComponent(relative)) }
        }
        return files.sorted()
    }
}
