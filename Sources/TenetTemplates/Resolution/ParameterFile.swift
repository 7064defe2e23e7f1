import TenetDocument

/// Reads `--parameters FILE`: CloudFormation's `[{ParameterKey, ParameterValue}]` list (what
/// `aws cloudformation create-stack --parameters file://…` takes) or a plain map of names to values.
public enum ParameterFile {
    public static func load(_ path: String) throws(Diagnostic) -> [String: Value] {
        let document = try DocumentLoader().load(contentsOf: path)
        return try values(in: document.root)
    }

    static func values(in root: Node) throws(Diagnostic) -> [String: Value] {
        var values: [String: Value] = [:]
        switch root.kind {
        case .list:
            for entry in root.children {
                guard entry.kind == .map, let key = entry["ParameterKey"]?.stringValue, let value = entry["ParameterValue"] else {
                    throw invalid(entry, "expected {ParameterKey: NAME, ParameterValue: VALUE}")
                }
                values[key] = try scalarOrList(value)
            }
        case .map:
            let body = root["Parameters"].flatMap { $0.kind == .map ? $0 : nil } ?? root
            for (key, value) in body.entries { values[key] = try scalarOrList(value) }
        default:
            throw invalid(root, "expected a list of {ParameterKey, ParameterValue} or a map of parameter names to values")
        }
        return values
    }

    private static func scalarOrList(_ node: Node) throws(Diagnostic) -> Value {
        switch node.kind {
        case .string, .int, .float, .bool:
            return node.value
        case .list where node.children.allSatisfy({ ![.map, .list, .null].contains($0.kind) }):
            return node.value
        default:
            throw invalid(node, "a parameter value is \(node.kind); expected a string, a number, a boolean or a list of them")
        }
    }

    private static func invalid(_ node: Node, _ message: String) -> Diagnostic {
        Diagnostic(code: .invalidParameterFile, message: message, location: node.fileLocation)
    }
}
