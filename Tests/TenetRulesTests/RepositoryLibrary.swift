import Foundation
import TenetRules

/// The repository's own `rules/`, loaded once for every test that reads it: loading parses every
/// rule file, which is work to do once, not once per test.
enum RepositoryLibrary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let rulesDirectory = root.appendingPathComponent("rules").path

    static let library = ManagedRuleLibrary(directory: rulesDirectory)
}
