import TenetDocument
import TenetInventory

/// Suppressions written in a template, beside the resource they excuse, in either of two
/// conventions:
///
/// - Tenet's own, `Metadata.tenet.suppress: [{rule, reason, owner, expires, path}]`, held to the
///   central file's rules: `reason` and `owner` are required, `expires` and `path` optional.
/// - The Guard registry's `Metadata.guard.SuppressedRules: [RULE_ID, …]`, which templates already
///   carry for cfn-guard. It has no owner, reason or expiry; such suppressions are honoured, so a
///   template that passes cfn-guard passes Tenet, and are reported with no owner, so that a team
///   can see which exceptions nobody has signed (or turn them all off with
///   `--no-inline-suppressions`).
public enum InlineSuppressions {
    /// The suppressions of every resource of one template, keyed by the resource ids the scan
    /// gives them (`ResourceID.template(path: documentPath, logicalID:)`). `documentPath` must be
    /// the path the scan uses for the template. A template without `Resources` has none.
    public static func read(from template: Node, documentPath: String) throws(Diagnostic) -> [ResourceID: [Suppression]] {
        guard let resources = template["Resources"], resources.kind == .map else { return [:] }
        let decoder = SuppressionEntryDecoder()
        var result: [ResourceID: [Suppression]] = [:]
        for (logicalID, resource) in resources.entries {
            guard resource.kind == .map, let metadata = resource["Metadata"], metadata.kind == .map else { continue }
            var suppressions: [Suppression] = []
            if let tenet = metadata["tenet"] {
                suppressions += try tenetSuppressions(tenet, decoder: decoder)
            }
            if let guardMetadata = metadata["guard"], guardMetadata.kind == .map, let rules = guardMetadata["SuppressedRules"] {
                suppressions += try guardSuppressions(rules, decoder: decoder)
            }
            if !suppressions.isEmpty {
                result[.template(path: documentPath, logicalID: logicalID)] = suppressions
            }
        }
        return result
    }

    /// `Metadata.tenet` is Tenet's own key, so anything under it but `suppress` is a mistake.
    private static func tenetSuppressions(_ tenet: Node, decoder: SuppressionEntryDecoder) throws(Diagnostic) -> [Suppression] {
        guard tenet.kind == .map else { throw decoder.error("'tenet' metadata must be a mapping with a 'suppress' list", at: tenet) }
        for (key, value) in tenet.entries where key != "suppress" {
            throw decoder.error("unknown key '\(key)' in 'tenet' metadata; expected suppress", at: value)
        }
        guard let list = tenet["suppress"], !list.isNull else { return [] }
        guard list.kind == .list else {
            throw decoder.error("'suppress' must be a list of {rule, reason, owner, expires, path}", at: list)
        }
        var suppressions: [Suppression] = []
        for entry in list.children {
            suppressions.append(try decoder.decode(entry, origin: .inlineTenet))
        }
        return suppressions
    }

    private static func guardSuppressions(_ rules: Node, decoder: SuppressionEntryDecoder) throws(Diagnostic) -> [Suppression] {
        guard rules.kind == .list else { throw decoder.error("'SuppressedRules' must be a list of rule ids", at: rules) }
        var suppressions: [Suppression] = []
        for element in rules.children {
            guard let rule = element.stringValue, !rule.isEmpty else {
                throw decoder.error("'SuppressedRules' must list rule ids as strings", at: element)
            }
            suppressions.append(Suppression(rule: rule, reason: nil, owner: nil, expires: nil, origin: .inlineGuard, location: element.fileLocation))
        }
        return suppressions
    }
}
