import Foundation
import TenetDocument

/// One `--rule-param RULE.KEY=VALUE` flag: a value for one declared parameter of one managed rule.
///
/// The value is read as YAML, as every other Tenet input is, so `90` is a number, `[a, b]` a list
/// and `{Owner: team-*}` a map; it must be a scalar or a flow collection, since a block collection
/// cannot be written on one line. Errors point into the flag itself, with `--rule-param` as the
/// file name and the column of the offending character, so they render like any other diagnostic.
public struct RuleParameterAssignment: Sendable, Equatable {
    public var rule: String
    public var parameter: String
    public var value: Value

    public static let flagName = "--rule-param"

    public init(rule: String, parameter: String, value: Value) {
        self.rule = rule
        self.parameter = parameter
        self.value = value
    }

    /// Parses `flag` and checks that `library` has the rule and that it declares the parameter.
    public init(parsing flag: String, library: ManagedRuleLibrary) throws(Diagnostic) {
        func error(_ message: String, column: Int) -> Diagnostic {
            Diagnostic(code: .invalidRuleParameter, message: message, location: FileLocation(file: Self.flagName, line: 1, column: column), sourceLine: flag)
        }
        let expected = "expected RULE.KEY=VALUE, such as CW_LOGGROUP_RETENTION_PERIOD_CHECK.MinRetentionTime=365"
        guard let equals = flag.firstIndex(of: "=") else { throw error("no '=' in \(Self.flagName); \(expected)", column: 1) }
        let name = flag[..<equals]
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex, name.index(after: dot) != equals else {
            throw error("'\(name)' does not name a rule and a parameter; \(expected)", column: 1)
        }
        rule = String(name[..<dot])
        parameter = String(name[name.index(after: dot)...])
        let parameterColumn = rule.unicodeScalars.count + 2
        let valueColumn = name.unicodeScalars.count + 2
        guard let managed = library.rule(rule) else {
            throw error("no managed rule \(rule); `tenet rules list` shows them", column: 1)
        }
        let declared = managed.metadata.parameters.map(\.name)
        guard declared.contains(parameter) else {
            let names = declared.isEmpty ? "it declares no parameters" : "it declares \(declared.joined(separator: ", "))"
            throw error("\(rule) has no parameter '\(parameter)'; \(names)", column: parameterColumn)
        }
        let text = flag[flag.index(after: equals)...]
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error("no value after '='; \(expected)", column: valueColumn)
        }
        let document: Document
        do {
            document = try YAMLLoader().load(SourceText(name: Self.flagName, bytes: Array(text.utf8)))
        } catch {
            // The value is one line; an error past its end (an unclosed bracket) points at the end.
            var moved = error
            let column = error.location.map { $0.line == 1 ? $0.column : text.unicodeScalars.count + 1 } ?? 1
            moved.location = FileLocation(file: Self.flagName, line: 1, column: column + valueColumn - 1)
            moved.sourceLine = flag
            throw moved
        }
        let startsFlow = text.drop { $0 == " " }.first.map { $0 == "[" || $0 == "{" } ?? false
        guard document.root.kind != .list && document.root.kind != .map || startsFlow else {
            throw error("the value must be a scalar or a flow collection such as [a, b] or {key: value}", column: valueColumn)
        }
        value = document.root.value
    }
}

extension DiagnosticCode {
    public static let invalidRuleParameter = DiagnosticCode("rules.invalid-rule-parameter")
}
