import TenetDocument
import TenetInventory

extension BaselineFile {
    public static func load(contentsOf path: String) throws(Diagnostic) -> BaselineFile {
        try parse(try DocumentLoader().readSource(path))
    }

    /// Reads a baseline, refusing anything that is not exactly the documented format. Each
    /// fingerprint is checked against the rule, resource and path beside it, so a hand edit of
    /// one without the other is caught here instead of silently turning a finding new.
    public static func parse(_ source: SourceText) throws(Diagnostic) -> BaselineFile {
        let root = try DocumentLoader().load(source, as: .json).root
        func error(_ message: String, at node: Node) -> Diagnostic {
            Diagnostic(code: .invalidBaseline, message: message, location: FileLocation(file: source.name, position: node.keyLocation ?? node.location))
                .withSource(source)
        }
        guard root.kind == .map else { throw error("a baseline is an object with format, version and findings", at: root) }
        // The format first: a SARIF or JSON report given by mistake is best told so in one line.
        guard root["format"]?.stringValue == format else {
            throw error("not a Tenet baseline; expected \"format\": \"\(format)\"", at: root["format"] ?? root)
        }
        try refuseUnknownKeys(of: root, allowed: ["format", "version", "findings"], error: error)
        guard let versionNode = root["version"] else { throw error("missing 'version'; expected \(version)", at: root) }
        guard versionNode.intValue == Int64(version) else {
            throw error("unsupported baseline version; expected \(version) (re-record it with --write-baseline)", at: versionNode)
        }
        guard let findings = root["findings"], findings.kind == .list else {
            throw error("'findings' must be a list of {fingerprint, rule, resource, path}", at: root["findings"] ?? root)
        }
        var entries: [Entry] = []
        for finding in findings.children {
            guard finding.kind == .map else { throw error("a finding is an object with fingerprint, rule, resource and path", at: finding) }
            try refuseUnknownKeys(of: finding, allowed: ["fingerprint", "rule", "resource", "path"], error: error)
            func text(_ key: String, required: Bool = true) throws(Diagnostic) -> String? {
                guard let node = finding[key] else {
                    if required { throw error("missing '\(key)' in this finding", at: finding) }
                    return nil
                }
                guard let value = node.stringValue else { throw error("'\(key)' must be a string", at: node) }
                // An empty path is the JSON pointer to the whole resource, where a rule that
                // fails a resource as such puts its check.
                guard !value.isEmpty || key == "path" else { throw error("'\(key)' must be a non-empty string", at: node) }
                return value
            }
            let fingerprint = try text("fingerprint")!
            let entry = Entry(rule: try text("rule")!, resource: ResourceID(try text("resource")!), propertyPath: try text("path", required: false))
            guard entry.fingerprint.rawValue == fingerprint else {
                throw error(
                    "the fingerprint does not match this finding's rule, resource and path; expected \(entry.fingerprint) (re-record the baseline rather than editing it)",
                    at: finding["fingerprint"]!)
            }
            entries.append(entry)
        }
        return BaselineFile(entries: entries)
    }

    private static func refuseUnknownKeys(
        of node: Node, allowed: [String], error: (String, Node) -> Diagnostic
    ) throws(Diagnostic) {
        for (key, value) in node.entries where !allowed.contains(key) {
            throw error("unknown key '\(key)'; expected one of \(allowed.joined(separator: ", "))", value)
        }
    }
}
