import ArgumentParser
import TenetDocument
import TenetHistory
import TenetScan

struct HistoryRuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule",
        abstract: "How a rule's non-compliant count moved over time, one line per recorded snapshot.",
        discussion: """
            Examples:
              tenet history rule S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED
            """
    )

    @Argument(help: "The rule id.")
    var rule: String

    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var output: HistoryFormatOption

    func run() throws {
        try store.run { store in
            let points = try HistoryQueries(store: store).ruleHistory(of: rule)
            guard !points.isEmpty else { throw HistoryError(.notFound, "no recorded snapshot ran rule \(rule)") }
            output.write(
                text: {
                    points.map { point in
                        let counts = point.counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
                        return "\(HistoryTime.format(point.time))  \(point.source)  non-compliant \(point.nonCompliant)  (\(counts))\n"
                    }.joined()
                },
                json: {
                    ["rule": .string(rule), "points": .list(points.map { point in
                        ["time": HistoryJSON.time(point.time), "source": .string(point.source.rawValue),
                         "ruleVersionHash": .string(point.ruleVersionHash), "nonCompliant": .int(Int64(point.nonCompliant)),
                         "counts": .map(point.counts.sorted { $0.key < $1.key }.map { Value.Entry($0.key.rawValue, .int(Int64($0.value))) })]
                    })]
                })
        }
    }
}
