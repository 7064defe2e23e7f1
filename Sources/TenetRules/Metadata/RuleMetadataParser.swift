import TenetDocument

/// Reads the metadata block at the top of a managed rule file (see docs/rule-metadata.md).
///
/// The block is YAML written as comments, so the rule file stays plain Guard that cfn-guard can
/// run; it is read with Tenet's one YAML loader, and every error points at the file's own line and
/// column, not at the extracted text.
public enum RuleMetadataParser {
    static let fence = "# ---"

    public static func parse(_ source: SourceText) throws(Diagnostic) -> RuleMetadata {
        // Cut at LF bytes and decoded line by line only as far as the closing fence: most of the
        // file is the rule's body, and cutting it all into lines of Characters was half the time
        // this parse took for the bundled library, which every `check` loads.
        let lines = source.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).lazy.map { Substring(decoding: $0, as: UTF8.self) }
        guard let first = lines.first, first.trimmingTrailingSpaces() == fence else {
            throw Diagnostic(
                code: .ruleMetadataMissing,
                message: "a managed rule starts with its metadata block; expected '\(fence)' on line 1",
                location: FileLocation(file: source.name, line: 1, column: 1), sourceLine: lines.first.map(String.init))
        }
        var yaml: [Substring] = []
        var closed = false
        for (index, line) in lines.enumerated().dropFirst() {
            if line.trimmingTrailingSpaces() == fence {
                closed = true
                break
            }
            guard line.hasPrefix("#") else {
                throw Diagnostic(
                    code: .ruleMetadataInvalid,
                    message: "the metadata block ends without its closing '\(fence)'; expected every line to start with '#'",
                    location: FileLocation(file: source.name, line: index + 1, column: 1), sourceLine: String(line))
            }
            yaml.append(line.hasPrefix("# ") ? line.dropFirst(2) : line.dropFirst())
        }
        guard closed else {
            throw Diagnostic(code: .ruleMetadataInvalid, message: "the metadata block has no closing '\(fence)'", location: FileLocation(file: source.name, line: 1, column: 1))
        }
        let block = SourceText(name: source.name, bytes: Array(yaml.joined(separator: "\n").utf8))
        let document: Document
        do {
            document = try YAMLLoader().load(block)
        } catch {
            throw shifted(error, source: source)
        }
        return try MetadataDecoder(file: source.name, source: source).decode(document.root)
    }

    /// Moves a location in the extracted block to the rule file: one line down for the opening
    /// fence, two columns right for the `# ` prefix.
    static func fileLocation(_ location: SourceLocation, file: String) -> FileLocation {
        FileLocation(file: file, line: location.line + 1, column: location.column + 2)
    }

    private static func shifted(_ diagnostic: Diagnostic, source: SourceText) -> Diagnostic {
        var moved = diagnostic
        if let location = diagnostic.location {
            moved.location = fileLocation(location.position, file: source.name)
            moved.sourceLine = source.line(moved.location!.line)
        }
        moved.notes = diagnostic.notes.map { shifted($0, source: source) }
        return moved
    }
}

/// Turns the block's YAML into `RuleMetadata`, refusing unknown fields so a typo is caught.
private struct MetadataDecoder {
    let file: String
    let source: SourceText

    static let fields: Set<String> = [
        "id", "title", "severity", "area", "resourceTypes", "awsConfigRule", "description", "rationale",
        "remediation", "parameters", "controls",
    ]

    func error(_ message: String, at node: Node) -> Diagnostic {
        let location = RuleMetadataParser.fileLocation(node.keyLocation ?? node.location, file: file)
        return Diagnostic(code: .ruleMetadataInvalid, message: message, location: location, sourceLine: source.line(location.line))
    }

    func string(_ root: Node, _ key: String, required: Bool = true) throws(Diagnostic) -> String? {
        guard let node = root[key] else {
            if required { throw error("missing '\(key)'", at: root) }
            return nil
        }
        guard let text = node.stringValue, !text.isEmpty else { throw error("'\(key)' must be a non-empty string", at: node) }
        return text
    }

    func decode(_ root: Node) throws(Diagnostic) -> RuleMetadata {
        guard root.kind == .map else { throw error("the metadata block must be a mapping of fields", at: root) }
        for (key, node) in root.entries where !Self.fields.contains(key) {
            throw error("unknown field '\(key)'; expected one of \(Self.fields.sorted().joined(separator: ", "))", at: node)
        }
        let id = try string(root, "id")!
        guard id.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }), id.first?.isLetter == true else {
            throw error("the id '\(id)' must be UPPER_SNAKE_CASE", at: root["id"]!)
        }
        let severityText = try string(root, "severity")!
        guard let severity = Severity(rawValue: severityText) else {
            throw error("unknown severity '\(severityText)'; expected one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))", at: root["severity"]!)
        }
        let areaText = try string(root, "area")!
        guard let area = RuleArea(rawValue: areaText) else {
            throw error("unknown area '\(areaText)'; expected one of \(RuleArea.allCases.map(\.rawValue).joined(separator: ", "))", at: root["area"]!)
        }
        return RuleMetadata(
            id: id, title: try string(root, "title")!, severity: severity, area: area, target: try target(root),
            awsConfigRule: try string(root, "awsConfigRule", required: false), description: try string(root, "description")!,
            rationale: try string(root, "rationale")!, remediation: try string(root, "remediation")!,
            parameters: try parameters(root), controls: try controls(root))
    }

    func target(_ root: Node) throws(Diagnostic) -> RuleMetadata.Target {
        guard let node = root["resourceTypes"], node.kind == .list, node.count > 0 else {
            throw error("'resourceTypes' must be a non-empty list of CloudFormation types, or [account]", at: root["resourceTypes"] ?? root)
        }
        let names = node.children.compactMap(\.stringValue)
        guard names.count == node.count else { throw error("'resourceTypes' must list strings", at: node) }
        if names == ["account"] { return .account }
        for (name, element) in zip(names, node.children) {
            let parts = name.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 5, parts[1].isEmpty, parts[3].isEmpty, [parts[0], parts[2], parts[4]].allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }) else {
                throw error("'\(name)' is not a resource type; expected the form AWS::Service::Resource, or [account] alone", at: element)
            }
        }
        return .resourceTypes(names)
    }

    func parameters(_ root: Node) throws(Diagnostic) -> [RuleMetadata.Parameter] {
        guard let node = root["parameters"] else { return [] }
        guard node.kind == .map else { throw error("'parameters' must map each name to {description, default}", at: node) }
        var result: [RuleMetadata.Parameter] = []
        for (name, declaration) in node.entries {
            guard declaration.kind == .map, let description = declaration["description"]?.stringValue, let defaultValue = declaration["default"] else {
                throw error("the parameter '\(name)' needs a 'description' string and a 'default' value", at: declaration)
            }
            result.append(RuleMetadata.Parameter(name: name, description: description, defaultValue: defaultValue.value))
        }
        return result
    }

    func controls(_ root: Node) throws(Diagnostic) -> [ControlFramework: [String]] {
        guard let node = root["controls"] else { return [:] }
        guard node.kind == .map else { throw error("'controls' must map frameworks to lists of control ids", at: node) }
        var result: [ControlFramework: [String]] = [:]
        for (name, list) in node.entries {
            guard let framework = ControlFramework(rawValue: name) else {
                throw error("unknown framework '\(name)'; expected one of \(ControlFramework.allCases.map(\.rawValue).joined(separator: ", "))", at: list)
            }
            let ids = list.children.compactMap(\.stringValue)
            guard list.kind == .list, ids.count == list.count, !ids.isEmpty else {
                throw error("the controls of '\(name)' must be a non-empty list of strings (quote numeric ids such as \"2.1\")", at: list)
            }
            result[framework] = ids
        }
        return result
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
