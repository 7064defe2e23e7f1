import Foundation
import TenetDocument
import TenetGuard

/// A pack applied to a library: the rules it runs, and the parameters each one sees.
public struct ResolvedPack: Sendable {
    public var pack: RulePack
    public var rules: [ManagedRule]
    /// The pack's parameter values, as the pack layer of the rules' parameters.
    public var layers: RuleParameterLayers
    /// Declared defaults, overridden by the pack's values.
    public var parameters: RuleParameters

    /// Resolves `pack`; an id the library does not have is an error at the pack's line.
    public init(_ pack: RulePack, library: ManagedRuleLibrary) throws(Diagnostic) {
        self.pack = pack
        var chosen: [String] = []
        for rule in library.rules {
            let metadata = rule.metadata
            let selected = pack.selection.all || pack.selection.areas.contains(metadata.area)
                || pack.selection.frameworks.contains { metadata.controls[$0] != nil }
            if selected { chosen.append(rule.id) }
        }
        var overrides: [String: [Value.Entry]] = [:]
        for (id, parameters) in pack.rules {
            guard let rule = library.rule(id) else {
                throw Diagnostic(code: .invalidPack, message: "the pack names \(id), which is not a managed rule", location: FileLocation(file: pack.path, line: 1, column: 1))
            }
            let declared = Set(rule.metadata.parameters.map(\.name))
            for parameter in parameters where !declared.contains(parameter.name) {
                throw Diagnostic(code: .invalidPack, message: "the pack sets \(id).\(parameter.name), which \(id) does not declare", location: FileLocation(file: pack.path, position: parameter.value.location))
            }
            if !chosen.contains(id) { chosen.append(id) }
            overrides[id] = parameters.map { Value.Entry($0.name, $0.value.value) }
        }
        for id in pack.excluded where library.rule(id) == nil {
            throw Diagnostic(code: .invalidPack, message: "the pack excludes \(id), which is not a managed rule", location: FileLocation(file: pack.path, line: 1, column: 1))
        }
        let excluded = Set(pack.excluded)
        rules = chosen.filter { !excluded.contains($0) }.compactMap(library.rule)

        layers = RuleParameterLayers(pack: overrides)
        parameters = try layers.parameters(for: rules, library: library)
    }

    /// The parameters of the pack's rules with the configuration file's values and `--rule-param`
    /// flags laid over the pack's (see `RuleParameterLayers`).
    public func parameters(
        configuration: [String: [String: Value]], commandLine: [RuleParameterAssignment], library: ManagedRuleLibrary
    ) throws(Diagnostic) -> RuleParameters {
        var layers = layers
        layers.configuration = configuration
        layers.commandLine = commandLine
        return try layers.parameters(for: rules, library: library)
    }
}

extension ManagedRuleLibrary {
    /// The packs in `<rules directory>/packs`, by name.
    public static func packs(in directory: String) throws(Diagnostic) -> [RulePack] {
        let folder = (directory as NSString).appendingPathComponent("packs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var packs: [RulePack] = []
        for name in names {
            packs.append(try RulePackParser.parse(try DocumentLoader().readSource((folder as NSString).appendingPathComponent(name))))
        }
        return packs
    }

    /// The packs compiled into the binary, by name.
    public static func bundledPacks() throws(Diagnostic) -> [RulePack] {
        var packs: [RulePack] = []
        for file in BundledRules.files(under: "rules/packs/") {
            packs.append(try RulePackParser.parse(SourceText(name: file.path, bytes: Array(file.text.utf8))))
        }
        return packs
    }
}
