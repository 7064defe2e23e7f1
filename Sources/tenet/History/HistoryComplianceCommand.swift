import ArgumentParser
import Foundation
import TenetDocument
import TenetHistory

struct HistoryComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "The state of every (rule, resource) pair as of a time.",
        discussion: """
            Examples:
              tenet history compliance
              tenet history compliance --at 2026-03-03T00:00:00Z \\
                --rule S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED
              tenet history compliance --pack cis-aws-foundations --format json
            """
    )

    @Option(help: "The time (RFC 3339); now when omitted.")
    var at: HistoryTimeArgument?

    @Option(help: "Only this rule (repeatable).")
    var rule: [String] = []

    @Option(help: "Only the rules of this pack (rules/packs/<name>.yaml).")
    var pack: String?

    @OptionGroup var rules: RulesDirectoryOption
    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var output: HistoryFormatOption

    func run() throws {
        var selected: Set<String>? = rule.isEmpty ? nil : Set(rule)
        if let pack {
            let packRules = try rules.rules(ofPack: pack, in: try rules.library()).map(\.id)
            selected = (selected ?? []).union(packRules)
        }
        let time = at?.date ?? Date()
        try store.run { store in
            let queries = HistoryQueries(store: store)
            switch output.format {
            case .text:
                var listing = ComplianceListing { StandardStreams.write($0) }
                try queries.compliance(at: time, rules: selected) { listing.append($0) }
                listing.finish(at: time)
            case .json:
                let states = try queries.compliance(at: time, rules: selected)
                output.writeJSON(["at": HistoryJSON.time(time), "verdicts": .list(states.map { recorded in
                    ["rule": .string(recorded.row.key.ruleID), "resource": .string(recorded.row.key.resourceID.rawValue),
                     "resourceType": .string(recorded.row.resourceType.rawValue), "state": .string(recorded.row.state.rawValue),
                     "since": HistoryJSON.time(recorded.capturedAt), "source": .string(recorded.source.rawValue),
                     "ruleVersionHash": .string(recorded.row.ruleVersionHash), "checks": HistoryJSON.embedded(recorded.row.checks)]
                })])
            }
        }
    }
}
