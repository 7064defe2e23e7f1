import Foundation
import TenetDocument

/// Reads an AWS Config conformance-pack template and finds the managed rules that implement its
/// `AWS::Config::ConfigRule` resources, through each rule's `awsConfigRule` metadata.
///
/// AWS Config passes every input parameter as a string (`"90"`, `"key1,key2"`); a Tenet rule
/// declares typed defaults, so each value is read as the type of the default it replaces. A value
/// that is a `Ref` to a template parameter takes that parameter's `Default`; any other intrinsic
/// depends on deployment choices Tenet cannot see, so it is left out and noted.
public struct ConformancePackImporter {
    public let library: ManagedRuleLibrary

    public init(library: ManagedRuleLibrary) {
        self.library = library
    }

    public func read(_ template: Document) throws(Diagnostic) -> ConformancePackImport {
        let root = template.root
        guard root.kind == .map, let resources = root["Resources"], resources.kind == .map else {
            throw error("a conformance pack is a template with a Resources mapping", at: root["Resources"] ?? root)
        }
        var result = ConformancePackImport(implemented: [], missing: [], rules: [], notes: [])
        for (logicalID, resource) in resources.entries where resource["Type"]?.stringValue == "AWS::Config::ConfigRule" {
            guard let source = resource["Properties"]?["Source"], source.kind == .map else {
                throw error("the config rule \(logicalID) has no Properties.Source; expected Owner and SourceIdentifier", at: resource)
            }
            let owner = source["Owner"]?.stringValue ?? "AWS"
            guard owner == "AWS" else {
                result.missing.append(.init(logicalID: logicalID, identifier: owner, isCustom: true))
                continue
            }
            guard let identifierNode = source["SourceIdentifier"] else {
                throw error("the config rule \(logicalID) has no Source.SourceIdentifier; expected an AWS managed-rule identifier", at: source)
            }
            guard let identifier = identifierNode.stringValue, !identifier.isEmpty else {
                throw error("Source.SourceIdentifier of \(logicalID) must be the managed-rule identifier as a string", at: identifierNode)
            }
            let rules = library.rules.filter { $0.metadata.awsConfigRule == identifier }
            guard !rules.isEmpty else {
                result.missing.append(.init(logicalID: logicalID, identifier: identifier, isCustom: false))
                continue
            }
            result.implemented.append(.init(logicalID: logicalID, identifier: identifier, rules: rules.map(\.id)))
            let inputs = try inputParameters(of: resource, logicalID: logicalID, template: root, notes: &result.notes)
            for rule in rules {
                if result.rules.contains(where: { $0.id == rule.id }) {
                    result.notes.append("\(logicalID): \(rule.id) is already in the pack from an earlier config rule; the earlier parameter values are kept")
                    continue
                }
                result.rules.append((rule.id, parameters(for: rule.metadata, from: inputs, logicalID: logicalID, notes: &result.notes)))
            }
        }
        return result
    }

    /// The input parameters as text, with `Ref`s to template parameters replaced by their defaults.
    private func inputParameters(of resource: Node, logicalID: String, template: Node, notes: inout [String]) throws(Diagnostic) -> [(key: String, text: String)] {
        guard let node = resource["Properties"]?["InputParameters"] else { return [] }
        guard node.kind == .map else {
            throw error("InputParameters of \(logicalID) must map parameter names to values", at: node)
        }
        var inputs: [(key: String, text: String)] = []
        for (key, value) in node.entries {
            if let text = scalarText(value) {
                inputs.append((key, text))
            } else if let name = value["Ref"]?.stringValue, value.count == 1,
                let text = template["Parameters"]?[name]?["Default"].flatMap(scalarText) {
                inputs.append((key, text))
            } else {
                notes.append("\(logicalID): InputParameters.\(key) is not a literal value or a Ref to a parameter with a Default; the rule keeps its own default")
            }
        }
        return inputs
    }

    private func scalarText(_ node: Node) -> String? {
        switch node.kind {
        case .string: node.stringValue
        case .int: node.intValue.map(String.init)
        case .float: node.floatValue.map(JSONWriter.format)
        case .bool: node.boolValue.map { $0 ? "true" : "false" }
        case .null, .list, .map: nil
        }
    }

    /// The inputs that correspond to the rule's declared parameters, each read as its default's
    /// type. An input corresponds to the parameter of the same name ignoring case, or to its
    /// plural when the parameter is a list: AWS Config takes one `kmsKeyId` where a Tenet rule
    /// accepts a list of `kmsKeyIds`.
    private func parameters(for metadata: RuleMetadata, from inputs: [(key: String, text: String)], logicalID: String, notes: inout [String]) -> [Value.Entry] {
        var entries: [Value.Entry] = []
        for (key, text) in inputs {
            guard let declared = metadata.parameters.first(where: { Self.corresponds(key, to: $0) }) else {
                let names = metadata.parameters.isEmpty ? "none" : metadata.parameters.map(\.name).joined(separator: ", ")
                notes.append("\(logicalID): InputParameters.\(key) has no counterpart in \(metadata.id) (its parameters: \(names)); left out")
                continue
            }
            guard let value = Self.value(text, shapedLike: declared.defaultValue) else {
                notes.append("\(logicalID): InputParameters.\(key) = \"\(text)\" cannot be read as the \(declared.defaultValue.kind) \(metadata.id).\(declared.name) expects; the rule keeps its default")
                continue
            }
            entries.append(Value.Entry(declared.name, value))
        }
        return entries
    }

    static func corresponds(_ input: String, to parameter: RuleMetadata.Parameter) -> Bool {
        if parameter.name.caseInsensitiveCompare(input) == .orderedSame { return true }
        guard case .list = parameter.defaultValue else { return false }
        return parameter.name.caseInsensitiveCompare(input + "s") == .orderedSame
    }

    /// AWS Config's string form of a value read as the kind of `shape`: comma-separated lists,
    /// numbers and booleans written as text.
    static func value(_ text: String, shapedLike shape: Value) -> Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch shape {
        case .list(let elements):
            let items = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let converted = items.map { value($0, shapedLike: elements.first ?? .string("")) }
            guard converted.allSatisfy({ $0 != nil }) else { return nil }
            return .list(converted.compactMap { $0 })
        case .int: return Int64(trimmed).map(Value.int)
        case .float: return Double(trimmed).map(Value.float)
        case .bool:
            switch trimmed.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .string, .null: return .string(text)
        case .map: return nil
        }
    }

    private func error(_ message: String, at node: Node) -> Diagnostic {
        Diagnostic(code: .invalidConformancePack, message: message, location: FileLocation(file: node.document.sourceName, position: node.keyLocation ?? node.location))
    }
}

extension DiagnosticCode {
    public static let invalidConformancePack = DiagnosticCode("rules.invalid-conformance-pack")
}
