import Foundation
import TenetDocument
import TenetGuard
import TenetInventory
import TenetRules

/// The rules one run evaluates — a pack's managed rules and the user's own — with the parameters
/// each sees.
public struct RuleSet: Sendable {
    /// In id order, ids unique.
    public private(set) var rules: [CompiledRule]
    public var parameters: RuleParameters

    public init(rules: [CompiledRule], parameters: RuleParameters = .none) throws(Diagnostic) {
        var seen: [String: String] = [:]
        for rule in rules {
            if let other = seen[rule.descriptor.id] {
                throw Diagnostic(
                    code: .duplicateRuleID,
                    message: "two rules have the id \(rule.descriptor.id) (\(other) and \(rule.descriptor.sourcePath)); expected unique ids",
                    location: FileLocation(file: rule.descriptor.sourcePath, line: 1, column: 1))
            }
            seen[rule.descriptor.id] = rule.descriptor.sourcePath
        }
        self.rules = rules.sorted { $0.descriptor.id < $1.descriptor.id }
        self.parameters = parameters
    }

    /// The managed rules of a pack, with the parameters the pack resolved.
    public static func managedRules(of pack: ResolvedPack) -> [CompiledRule] {
        pack.rules.map { rule in
            let metadata = rule.metadata
            let (types, account) = Self.target(of: metadata)
            return CompiledRule(
                descriptor: ScannedRule(
                    id: metadata.id, title: metadata.title, severity: metadata.severity, metadata: metadata, resourceTypes: types,
                    appliesToAccount: account, sourcePath: rule.path, versionHash: ScannedRule.versionHash(of: rule.body.source.bytes)),
                body: rule.body)
        }
    }

    /// The user's rules files (`--rules FILE|DIR`). A file with a metadata block takes its id,
    /// severity and types from it; otherwise its id is the file's name, its severity `medium`, and
    /// its types are read from its `Type ==` filters and type blocks.
    public static func customRules(at paths: [String]) throws(Diagnostic) -> [CompiledRule] {
        var compiled: [CompiledRule] = []
        for path in paths {
            for file in RulesFileLoader.ruleFiles(at: path) {
                let source = try DocumentLoader().readSource(file)
                let rules = try GuardParser.parse(source)
                let metadata = source.bytes.starts(with: Array("# ---".utf8)) ? try RuleMetadataParser.parse(source) : nil
                let id = metadata?.id ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                let (types, account) = metadata.map(Self.target(of:)) ?? Self.inferredTarget(of: source)
                compiled.append(CompiledRule(
                    descriptor: ScannedRule(
                        id: id, title: metadata?.title ?? id, severity: metadata?.severity ?? .medium, metadata: metadata,
                        resourceTypes: types, appliesToAccount: account, sourcePath: file, versionHash: ScannedRule.versionHash(of: source.bytes)),
                    body: RuleBody(parsed: rules)))
            }
        }
        return compiled
    }

    private static func target(of metadata: RuleMetadata) -> ([ResourceType], Bool) {
        switch metadata.target {
        case .resourceTypes(let names): (names.map { ResourceType($0) }, false)
        case .account: ([], true)
        }
    }

    /// A rule whose types cannot be read belongs to the document as a whole.
    private static func inferredTarget(of source: SourceText) -> ([ResourceType], Bool) {
        let types = RuleTypeInference.resourceTypes(in: String(decoding: source.bytes, as: UTF8.self))
        return (types, types.isEmpty)
    }
}

extension DiagnosticCode {
    public static let duplicateRuleID = DiagnosticCode("rules.duplicate-id")
}
