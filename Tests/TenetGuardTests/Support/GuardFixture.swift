import TenetDocument
@testable import TenetGuard

/// Inline rules and YAML data, evaluated the way every command evaluates them.
enum GuardFixture {
    static func document(_ yaml: String, name: String = "data.yaml") throws -> Document {
        try DocumentLoader().load(SourceText(name: name, bytes: Array(yaml.utf8)), as: .yaml)
    }

    static func rules(_ text: String) throws -> RulesFile {
        try GuardParser.parse(text, name: "rules.guard")
    }

    /// Each rule's status by name (the last of several rules with one name wins).
    static func statuses(_ rules: String, _ data: String, parameters: RuleParameters = .none) throws -> [String: GuardStatus] {
        let result = try evaluate(rules, data, parameters: parameters)
        return Dictionary(result.rules.map { ($0.name, $0.status) }, uniquingKeysWith: { $1 })
    }

    static func evaluate(_ rules: String, _ data: String, parameters: RuleParameters = .none) throws -> FileResult {
        try GuardEvaluator(parameters: parameters).evaluate(try self.rules(rules), document: try document(data))
    }

    /// The status of a single clause, wrapped in a rule named `r`.
    static func status(_ clause: String, _ data: String) throws -> GuardStatus? {
        try statuses("rule r {\n\(clause)\n}", data)["r"]
    }

    /// The diagnostic a rules text is refused with.
    static func parseError(_ text: String) -> Diagnostic? {
        do {
            _ = try GuardParser.parse(text, name: "rules.guard")
            return nil
        } catch {
            return error
        }
    }

    static func evaluationError(_ rules: String, _ data: String) -> Diagnostic? {
        do {
            _ = try evaluate(rules, data)
            return nil
        } catch let error as Diagnostic {
            return error
        } catch {
            return nil
        }
    }

    /// The package root, found from this file's path, for fixtures outside the package.
    static var packageRoot: String {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // …/Tests/TenetGuardTests/Support/GuardFixture.swift
        components.removeLast(4)
        return components.joined(separator: "/")
    }
}
