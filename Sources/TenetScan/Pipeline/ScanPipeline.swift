import Foundation
import TenetDocument
import TenetGuard
import TenetInventory
import TenetRules
import TenetTemplates

/// The steps `check`, `scan` and the daemon share around the engine: choosing and compiling the
/// rules, then applying suppressions and the baseline to what the engine found.
public enum ScanPipeline {
    /// The pack's managed rules with their layered parameters, and the user's rules with their
    /// declared defaults.
    public static func ruleSet(for settings: ScanSettings) throws(Diagnostic) -> RuleSet {
        let library = settings.rulesDirectory.map(ManagedRuleLibrary.init(directory:)) ?? .bundled
        if let problem = library.diagnostics.first { throw problem }
        let packs: [RulePack]
        if let directory = settings.rulesDirectory {
            packs = try ManagedRuleLibrary.packs(in: directory)
        } else {
            packs = try ManagedRuleLibrary.bundledPacks()
        }
        guard let pack = packs.first(where: { $0.name == settings.pack }) else {
            throw Diagnostic(code: .unknownPack, message: "there is no pack '\(settings.pack)'; expected one of \(packs.map(\.name).sorted().joined(separator: ", "))")
        }
        let resolved = try ResolvedPack(pack, library: library)
        var assignments: [RuleParameterAssignment] = []
        for flag in settings.ruleParameterFlags {
            assignments.append(try RuleParameterAssignment(parsing: flag, library: library))
        }
        var parameters = try resolved.parameters(configuration: settings.configurationParameters, commandLine: assignments, library: library)

        let custom = try RuleSet.customRules(at: settings.customRules)
        for (id, defaults) in RuleParameters(defaultsOf: custom.compactMap(\.descriptor.metadata)).byRule { parameters.byRule[id] = defaults }
        return try RuleSet(rules: RuleSet.managedRules(of: resolved) + custom, parameters: parameters)
    }

    /// Suppressions (central file, and template metadata unless turned off), then the baseline.
    public static func govern(_ result: inout ScanResult, templates: [CollectedTemplate], settings: ScanSettings) throws(Diagnostic) {
        let central = try CentralSuppressions.load(named: settings.suppressionsFile, orDefaultIn: settings.workingDirectory)
        var inline: [ResourceID: [Suppression]] = [:]
        if settings.inlineSuppressions {
            for template in templates {
                inline.merge(try InlineSuppressions.read(from: template.document.root, documentPath: template.path)) { $0 + $1 }
            }
        }
        SuppressionPolicy(central: central, inline: inline, honoursInline: settings.inlineSuppressions).apply(to: &result)
        if let baseline = settings.baseline {
            try BaselineFile.load(contentsOf: baseline).classify(&result)
        }
        if let path = settings.writeBaseline {
            try BaselineFile(findingsOf: result).write(to: path)
        }
    }
}
