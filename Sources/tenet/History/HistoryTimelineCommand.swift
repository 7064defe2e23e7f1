import ArgumentParser
import TenetDocument
import TenetHistory
import TenetInventory

struct HistoryTimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "A resource's configuration versions, field changes and compliance transitions, in time order.",
        discussion: """
            RESOURCE is an inventory id or an unambiguous suffix of one after '#', '/' or ':'.

            Examples:
              tenet history timeline logs
              tenet history timeline arn:aws:s3:::logs --format json
            """
    )

    @Argument(help: "The resource: its id, or a unique suffix (a bucket name, a logical id).")
    var resource: String

    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var output: HistoryFormatOption

    func run() throws {
        try store.run { store in
            let queries = HistoryQueries(store: store)
            let id = try queries.resolve(resource)
            let entries = try queries.timeline(of: id)
            output.write(text: { text(id, entries) }, json: { json(id, entries) })
        }
    }

    private func text(_ id: TenetInventory.ResourceID, _ entries: [TimelineEntry]) -> String {
        var lines = ["\(id)"]
        for entry in entries {
            let time = HistoryTime.format(entry.time)
            switch entry.event {
            case .version(let version, let changes):
                lines.append("\(time)  \(version.status.rawValue)")
                for change in changes {
                    lines.append("    \(change.path): \(change.oldValue ?? "(absent)") -> \(change.newValue ?? "(absent)")")
                }
            case .transition(let transition):
                let from = transition.oldState?.rawValue ?? "(first seen)"
                lines.append("\(time)  \(transition.ruleID): \(from) -> \(transition.newState?.rawValue ?? "(removed)")")
            case .baseline(let kept, let compliance):
                lines.append("\(time)  kept by pruning: \(kept == nil ? "no configuration" : "configuration"), \(compliance.count) verdicts")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ id: TenetInventory.ResourceID, _ entries: [TimelineEntry]) -> Value {
        let events: [Value] = entries.map { entry in
            var fields: [Value.Entry] = [Value.Entry("time", HistoryJSON.time(entry.time)), Value.Entry("source", .string(entry.source.rawValue))]
            switch entry.event {
            case .version(let version, let changes):
                fields += [Value.Entry("event", "configuration"), Value.Entry("status", .string(version.status.rawValue)),
                           Value.Entry("configurationHash", .string(version.configurationHash)),
                           Value.Entry("configuration", HistoryJSON.embedded(version.configuration)),
                           Value.Entry("changes", .list(changes.map(HistoryJSON.change)))]
            case .transition(let transition):
                fields += [Value.Entry("event", "compliance"), Value.Entry("rule", .string(transition.ruleID)),
                           Value.Entry("from", HistoryJSON.optional(transition.oldState?.rawValue)),
                           Value.Entry("to", HistoryJSON.optional(transition.newState?.rawValue)),
                           Value.Entry("ruleVersionHash", .string(transition.ruleVersionHash)),
                           Value.Entry("checks", HistoryJSON.embedded(transition.checks))]
            case .baseline(let kept, let compliance):
                fields += [Value.Entry("event", "checkpoint"), Value.Entry("configuration", HistoryJSON.embedded(kept?.configuration)),
                           Value.Entry("compliance", .list(compliance.map { ["rule": .string($0.key.ruleID), "state": .string($0.state.rawValue)] }))]
            }
            return .map(fields)
        }
        return ["resource": .string(id.description), "events": .list(events)]
    }
}
