import ArgumentParser
import TenetDocument
import TenetRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List and describe the managed rules.",
        subcommands: [
            RulesListCommand.self, RulesShowCommand.self, RulesDocsCommand.self, RulesImportConformancePackCommand.self,
            RulesBundleCommand.self,
        ]
    )
}

/// Where the managed rules are read from: the rules built into `tenet`, or a directory.
struct RulesDirectoryOption: ParsableArguments {
    @Option(help: "A managed-rules directory (areas and packs/) to use instead of the rules built into tenet.")
    var rulesDir: String?

    /// Loads the library; any problem in it is reported and ends the command with exit code 2.
    func library() throws -> ManagedRuleLibrary {
        let library = rulesDir.map(ManagedRuleLibrary.init(directory:)) ?? .bundled
        library.diagnostics.forEach(StandardStreams.report)
        if !library.diagnostics.isEmpty { throw ExitStatus.usageOrInputError }
        if let rulesDir, library.rules.isEmpty {
            StandardStreams.writeError("error: no managed rules under \(rulesDir); expected area folders such as \(rulesDir)/encryption")
            throw ExitStatus.usageOrInputError
        }
        return library
    }

    /// The packs beside the library; a pack that does not parse ends the command with exit code 2.
    func packs() throws -> [RulePack] {
        do {
            if let rulesDir { return try ManagedRuleLibrary.packs(in: rulesDir) }
            return try ManagedRuleLibrary.bundledPacks()
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
    }

    /// The rules a pack selects; an unknown or invalid pack ends the command with exit code 2.
    func rules(ofPack pack: String, in library: ManagedRuleLibrary) throws -> [ManagedRule] {
        guard let found = try packs().first(where: { $0.name == pack }) else {
            StandardStreams.writeError("error: no pack named \(pack) in \(packsDescription)")
            throw ExitStatus.usageOrInputError
        }
        do {
            return try ResolvedPack(found, library: library).rules
        } catch {
            StandardStreams.report(error)
            throw ExitStatus.usageOrInputError
        }
    }

    /// Where packs are said to come from, in messages.
    var packsDescription: String {
        rulesDir.map { "\($0)/packs" } ?? "the packs built into tenet"
    }
}

struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the managed rules, one per line.",
        discussion: """
            Examples:
              tenet rules list
              tenet rules list --area encryption
              tenet rules list --pack cis-aws-foundations
            """
    )

    @OptionGroup var directory: RulesDirectoryOption

    @Option(help: "Only the rules of this pack (rules/packs/<name>.yaml).")
    var pack: String?

    @Option(help: "Only rules of this area (\(RuleArea.allCases.map(\.rawValue).joined(separator: ", "))).")
    var area: String?

    func validate() throws {
        if let area, RuleArea(rawValue: area) == nil {
            throw ValidationError("unknown area '\(area)'; expected one of \(RuleArea.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let library = try directory.library()
        var rules = library.rules
        if let pack {
            rules = try directory.rules(ofPack: pack, in: library)
        }
        rules = rules.filter { area == nil || $0.metadata.area.rawValue == area }
        let width = rules.map(\.id.count).max() ?? 0
        var text = ""
        for rule in rules.sorted(by: { $0.id < $1.id }) {
            let severity = rule.metadata.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            text += "\(rule.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(severity)  \(rule.metadata.title)\n"
        }
        text += "\(rules.count) rules\n"
        StandardStreams.write(text)
    }
}

struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a managed rule's metadata: what it checks, why, how to fix, which controls.",
        discussion: """
            Examples:
              tenet rules show ENCRYPTED_VOLUMES
            """
    )

    @OptionGroup var directory: RulesDirectoryOption

    @Argument(help: "The rule's identifier.")
    var ruleID: String

    func run() throws {
        guard let rule = try directory.library().rule(ruleID) else {
            StandardStreams.writeError("error: no managed rule \(ruleID); `tenet rules list` shows them")
            throw ExitStatus.usageOrInputError
        }
        let metadata = rule.metadata
        var lines = [
            "\(metadata.id): \(metadata.title)",
            "",
            "Severity:   \(metadata.severity.rawValue)",
            "Area:       \(metadata.area.rawValue)",
        ]
        switch metadata.target {
        case .account: lines.append("Applies to: the account")
        case .resourceTypes(let types): lines.append("Applies to: \(types.joined(separator: ", "))")
        }
        if let config = metadata.awsConfigRule { lines.append("AWS Config: \(config)") }
        lines += ["", metadata.description, "", "Why: \(metadata.rationale)", "", "Fix:", metadata.remediation]
        if !metadata.parameters.isEmpty {
            lines += ["", "Parameters:"]
            for parameter in metadata.parameters {
                lines.append("  \(parameter.name) = \(JSONWriter(style: .compact).string(for: Document(value: parameter.defaultValue).root)) — \(parameter.description)")
            }
        }
        if !metadata.controls.isEmpty {
            lines += ["", "Controls:"]
            for (framework, ids) in metadata.controls.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(framework.rawValue): \(ids.joined(separator: ", "))")
            }
        }
        lines.append("")
        lines.append("File: \(rule.path)")
        StandardStreams.write(lines.joined(separator: "\n") + "\n")
    }
}
