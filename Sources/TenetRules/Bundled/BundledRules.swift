/// One managed-rule or pack file compiled into the binary, under the path it has in the
/// repository (`rules/encryption/ENCRYPTED_VOLUMES.guard`), so diagnostics about it stay meaningful.
public struct BundledRuleFile: Sendable {
    public let path: String
    /// A rule's metadata as the generator parsed it from `text`, so that loading the bundle reads
    /// no YAML; nil for packs, and for a rule whose metadata is to be parsed when loaded.
    public let metadata: RuleMetadata?
    public let text: String

    public init(path: String, metadata: RuleMetadata? = nil, text: String) {
        self.path = path
        self.metadata = metadata
        self.text = text
    }
}

/// The managed rules and packs as they were in `rules/` when `BundledRules+Generated.swift` was
/// last generated: an installed `tenet` finds them wherever it runs, with no files beside it.
public enum BundledRules {
    /// The command that regenerates the bundle from the repository's `rules/`.
    public static let refreshCommand = "swift run tenet rules bundle --rules-dir rules --output \(sourcePath)"

    /// Where the generated source lives, relative to the repository root.
    public static let sourcePath = "Sources/TenetRules/Bundled/BundledRules+Generated.swift"

    /// The files whose path starts with `prefix` (`rules/packs/`), in bundle order.
    static func files(under prefix: String) -> [BundledRuleFile] {
        files.filter { $0.path.hasPrefix(prefix) }
    }
}
