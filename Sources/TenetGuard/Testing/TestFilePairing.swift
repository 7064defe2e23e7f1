import Foundation
import TenetDocument

/// Finds rule files and their test files under a directory, as `cfn-guard test --dir` does, with
/// one deliberate difference: a test file in `tests/` belongs to the rule file beside that
/// directory whose stem is the *longest* prefix of its name. cfn-guard takes the first match in
/// sorted order, which gives `RULE_PERIODIC_tests.yaml` to `RULE.guard`.
public struct TestFilePairing: Sendable {
    public struct Pair: Sendable {
        public let rulesFile: String
        public let testFiles: [String]
    }

    /// Rule files in path order, each with its test files (possibly none).
    public let pairs: [Pair]
    /// Test files no rule file claims.
    public let orphanTestFiles: [String]

    public static let ruleExtensions: Set<String> = ["guard", "ruleset"]
    public static let testExtensions: Set<String> = ["yaml", "yml", "json", "jsn"]

    public init(directory: String) throws(Diagnostic) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(code: .unreadableFile, message: "\(directory) is not a directory; expected a directory of rule files with tests/ beside them")
        }
        let files = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
        var rulesByDirectory: [String: [String]] = [:]
        var tests: [String] = []
        for relative in files {
            let url = URL(fileURLWithPath: relative)
            let fileExtension = url.pathExtension.lowercased()
            let path = (directory as NSString).appendingPathComponent(relative)
            let parent = (relative as NSString).deletingLastPathComponent
            if Self.ruleExtensions.contains(fileExtension) {
                rulesByDirectory[parent, default: []].append(path)
            } else if Self.testExtensions.contains(fileExtension), (parent as NSString).lastPathComponent == "tests" {
                tests.append(relative)
            }
        }
        var testsByRule: [String: [String]] = [:]
        var orphans: [String] = []
        for relative in tests {
            let testsDirectory = (relative as NSString).deletingLastPathComponent
            let ruleDirectory = (testsDirectory as NSString).deletingLastPathComponent
            let name = (relative as NSString).lastPathComponent
            let candidates = rulesByDirectory[ruleDirectory] ?? []
            let owner = candidates
                .filter { name.hasPrefix(Self.stem(of: $0)) }
                .max { Self.stem(of: $0).count < Self.stem(of: $1).count }
            let path = (directory as NSString).appendingPathComponent(relative)
            if let owner { testsByRule[owner, default: []].append(path) } else { orphans.append(path) }
        }
        pairs = rulesByDirectory.values.flatMap { $0 }.sorted().map { Pair(rulesFile: $0, testFiles: testsByRule[$0] ?? []) }
        orphanTestFiles = orphans
    }

    static func stem(of path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
