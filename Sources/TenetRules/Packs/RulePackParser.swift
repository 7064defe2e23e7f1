import TenetDocument

/// Reads a pack file; every problem names the file, line and column of the offending value.
public enum RulePackParser {
    public static func parse(_ source: SourceText) throws(Diagnostic) -> RulePack {
        let root = try YAMLLoader().load(source).root
        let decoder = PackDecoder(source: source)
        guard root.kind == .map else { throw decoder.error("a pack is a mapping with name, description and rules", at: root) }
        for (key, node) in root.entries where !["name", "description", "select", "rules", "exclude"].contains(key) {
            throw decoder.error("unknown field '\(key)'; expected name, description, select, rules or exclude", at: node)
        }
        guard let name = root["name"]?.stringValue, !name.isEmpty else { throw decoder.error("missing 'name'", at: root["name"] ?? root) }
        guard let description = root["description"]?.stringValue else { throw decoder.error("missing 'description'", at: root["description"] ?? root) }
        return RulePack(
            name: name, description: description, selection: try decoder.selection(root["select"]),
            rules: try decoder.rules(root["rules"]), excluded: try decoder.strings(root["exclude"], field: "exclude"),
            path: source.name)
    }
}

private struct PackDecoder {
    let source: SourceText

    func error(_ message: String, at node: Node) -> Diagnostic {
        Diagnostic(code: .invalidPack, message: message, location: FileLocation(file: source.name, position: node.keyLocation ?? node.location))
            .withSource(source)
    }

    func strings(_ node: Node?, field: String) throws(Diagnostic) -> [String] {
        guard let node else { return [] }
        let values = node.children.compactMap(\.stringValue)
        guard node.kind == .list, values.count == node.count else { throw error("'\(field)' must be a list of strings", at: node) }
        return values
    }

    func selection(_ node: Node?) throws(Diagnostic) -> RulePack.Selection {
        var selection = RulePack.Selection()
        guard let node else { return selection }
        guard node.kind == .map else { throw error("'select' maps all, areas or frameworks", at: node) }
        for (key, value) in node.entries {
            switch key {
            case "all":
                guard let flag = value.boolValue else { throw error("'all' must be true or false", at: value) }
                selection.all = flag
            case "areas":
                for (name, element) in zip(try strings(value, field: "areas"), value.children) {
                    guard let area = RuleArea(rawValue: name) else { throw error("unknown area '\(name)'", at: element) }
                    selection.areas.append(area)
                }
            case "frameworks":
                for (name, element) in zip(try strings(value, field: "frameworks"), value.children) {
                    guard let framework = ControlFramework(rawValue: name) else { throw error("unknown framework '\(name)'", at: element) }
                    selection.frameworks.append(framework)
                }
            default:
                throw error("unknown selector '\(key)'; expected all, areas or frameworks", at: value)
            }
        }
        return selection
    }

    /// `- RULE_ID` or `- RULE_ID: {parameter: value}`.
    func rules(_ node: Node?) throws(Diagnostic) -> [(id: String, parameters: [(name: String, value: Node)])] {
        guard let node else { return [] }
        guard node.kind == .list else { throw error("'rules' must be a list of rule ids, each optionally mapped to parameter values", at: node) }
        var result: [(id: String, parameters: [(name: String, value: Node)])] = []
        for element in node.children {
            if let id = element.stringValue {
                result.append((id, []))
            } else if element.kind == .map, element.count == 1, let (id, parameters) = element.entries.first, parameters.kind == .map {
                result.append((id, parameters.entries.map { ($0.key, $0.value) }))
            } else {
                throw error("a pack entry is a rule id, or a rule id mapped to its parameter values", at: element)
            }
        }
        return result
    }
}
