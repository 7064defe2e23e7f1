import Foundation
import TenetDocument

/// `validate -o json`: cfn-guard's report shape per data file (`name`, `metadata`, `status`,
/// `compliant`, `not_compliant` with checks, `not_applicable`), so tooling written for cfn-guard
/// keeps working. Tenet adds `location` and `path` to each check.
public enum ValidationJSONReport {
    public static func render(_ result: GuardValidation.Result) -> String {
        let documents = result.reports.map(report)
        let value: Value = documents.count == 1 ? documents[0] : .list(documents)
        return JSONWriter(style: .pretty).string(for: Document(value: value).root) + "\n"
    }

    static func report(_ report: GuardValidation.DataFileReport) -> Value {
        let rules = report.results.flatMap(\.rules)
        var entries: [Value.Entry] = [
            Value.Entry("name", .string(report.dataFile)),
            Value.Entry("metadata", .map([])),
            Value.Entry("status", .string(report.error == nil ? report.status.rawValue : "ERROR")),
            Value.Entry("not_compliant", .list(rules.filter { $0.status == .fail }.map(ruleReport))),
            Value.Entry("not_applicable", .list(rules.filter { $0.status == .skip }.map { .string($0.name) })),
            Value.Entry("compliant", .list(rules.filter { $0.status == .pass }.map { .string($0.name) })),
        ]
        if let error = report.error { entries.append(Value.Entry("error", .string(error.description))) }
        return .map(entries)
    }

    private static func ruleReport(_ rule: RuleResult) -> Value {
        .map([
            Value.Entry("Rule", .map([
                Value.Entry("name", .string(rule.name)),
                Value.Entry("metadata", .map([])),
                Value.Entry("messages", .map([
                    Value.Entry("custom_message", rule.failures.first?.message.map { .string($0.trimmed) } ?? .null),
                    Value.Entry("error_message", .null),
                ])),
                Value.Entry("checks", .list(rule.failures.map(check))),
            ])),
        ])
    }

    private static func check(_ failure: ClauseFailure) -> Value {
        let comparison: Value = .list([.string(failure.comparison.name), .bool(failure.comparison.negated)])
        let isBinary = failure.expected != nil
        var outcome: Value
        switch failure.subject {
        case .unresolved(let unresolved):
            outcome = .map([Value.Entry("UnResolved", .map([
                Value.Entry("value", .map([
                    Value.Entry("traversed_to", pathValue(unresolved.traversedTo, failure)),
                    Value.Entry("remaining_query", .string(unresolved.remainingQuery)),
                    Value.Entry("reason", .string(unresolved.reason)),
                ])),
                Value.Entry("comparison", comparison),
            ]))])
        case .value(let value) where isBinary:
            outcome = .map([Value.Entry("Resolved", .map([
                Value.Entry("from", pathValue(value, failure)),
                Value.Entry("to", failure.expected.map { pathValue($0, failure) } ?? .null),
                Value.Entry("comparison", comparison),
            ]))])
        case .value(let value):
            outcome = .map([Value.Entry("Resolved", .map([
                Value.Entry("value", pathValue(value, failure)),
                Value.Entry("comparison", comparison),
            ]))])
        case .none:
            outcome = .map([Value.Entry("Resolved", .map([
                Value.Entry("value", .null),
                Value.Entry("comparison", comparison),
            ]))])
        }
        return .map([Value.Entry("Clause", .map([Value.Entry(isBinary ? "Binary" : "Unary", .map([
            Value.Entry("context", .string(failure.clause.text)),
            Value.Entry("messages", .map([
                Value.Entry("custom_message", failure.message.map { .string($0.trimmed) } ?? .null),
                Value.Entry("error_message", .string(failure.reason)),
            ])),
            Value.Entry("check", outcome),
            Value.Entry("rule_location", .string(failure.clause.location.description)),
            Value.Entry("location", failure.location.map { .string($0.description) } ?? .null),
        ]))]))])
    }

    private static func pathValue(_ value: QueryValue, _ failure: ClauseFailure) -> Value {
        .map([
            Value.Entry("path", .string(value.path(relativeTo: failure.root)?.description ?? "")),
            Value.Entry("value", value.documentValue),
        ])
    }
}
