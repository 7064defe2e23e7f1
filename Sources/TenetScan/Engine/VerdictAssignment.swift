import TenetDocument
import TenetGuard
import TenetInventory

/// Turns one rule's result over one document into per-resource verdicts.
///
/// A failing check whose path lies under `/Resources/<key>/` makes that resource NON_COMPLIANT;
/// the rule's other resources are COMPLIANT when it passed or failed elsewhere and NOT_APPLICABLE
/// when it skipped. Failures under no resource belong to the document's account pseudo-resource,
/// which account-level rules judge too, so that the account has a verdict whenever they ran; one
/// failure is never the account's and a resource's at once.
struct VerdictAssignment {
    let rule: ScannedRule
    let document: ScanDocument

    func evaluations(for outcome: Result<FileResult, Diagnostic>) -> [Evaluation] {
        var evaluations = insufficientData()
        let targets = targetEntries()
        switch outcome {
        case .failure(let diagnostic):
            let owners = targets.isEmpty ? [document.account] : targets.map(\.resource)
            evaluations += owners.map { Evaluation(ruleID: rule.id, resource: $0, state: .error, detail: diagnostic.description) }
        case .success(let result):
            var checksByKey: [String: [FailingCheck]] = [:]
            var unowned: [FailingCheck] = []
            for failure in result.rules.flatMap(\.failures) {
                if let (entry, check) = owned(failure) {
                    checksByKey[entry.key, default: []].append(check)
                } else {
                    unowned.append(check(for: failure, entry: nil, relativePath: failure.path))
                }
            }
            let passState: ComplianceState = result.status == .skip ? .notApplicable : .compliant
            var assigned: Set<String> = []
            for entry in targets {
                assigned.insert(entry.key)
                let checks = checksByKey[entry.key] ?? []
                evaluations.append(Evaluation(ruleID: rule.id, resource: entry.resource, state: checks.isEmpty ? passState : .nonCompliant, checks: checks))
            }
            // Cross-resource rules may fail resources outside their declared types.
            for (key, checks) in checksByKey.sorted(by: { $0.key < $1.key }) where !assigned.contains(key) {
                evaluations.append(Evaluation(ruleID: rule.id, resource: document.entry(forKey: key)!.resource, state: .nonCompliant, checks: checks))
            }
            if !unowned.isEmpty {
                evaluations.append(Evaluation(ruleID: rule.id, resource: document.account, state: .nonCompliant, checks: unowned))
            } else if rule.appliesToAccount {
                // As AWS Config judges its AWS::::Account, the account answers only for failures
                // under no resource: one under a resource is that resource's finding, and the
                // account, like the rule's other resources, passed. A failure no check records
                // belongs to no resource, so it stays the account's.
                let failedUnrecorded = result.status == .fail && checksByKey.isEmpty
                evaluations.append(Evaluation(ruleID: rule.id, resource: document.account, state: failedUnrecorded ? .nonCompliant : passState))
            }
        }
        return evaluations
    }

    private func targetEntries() -> [ScanDocument.Entry] {
        rule.resourceTypes.flatMap { document.entriesByType[$0] ?? [] }.sorted().map { document.entries[$0] }
    }

    private func insufficientData() -> [Evaluation] {
        rule.resourceTypes.compactMap { type in
            document.insufficientTypes[type].map { reason in
                Evaluation(
                    ruleID: rule.id,
                    resource: ScannedResource(id: ResourceID("\(document.name)#\(type)"), type: type, document: document.name),
                    state: .insufficientData, detail: "\(type) could not be read: \(reason)")
            }
        }
    }

    /// The resource a failure lies under, and the check with its path relative to that resource.
    private func owned(_ failure: ClauseFailure) -> (ScanDocument.Entry, FailingCheck)? {
        guard let path = failure.ownerPath, path.components.count >= 2, path.components[0] == .key("Resources"),
              case .key(let key) = path.components[1], let entry = document.entry(forKey: key) else { return nil }
        let relative = JSONPointer(Array(path.components.dropFirst(2)))
        return (entry, check(for: failure, entry: entry, relativePath: relative))
    }

    private func check(for failure: ClauseFailure, entry: ScanDocument.Entry?, relativePath: JSONPointer?) -> FailingCheck {
        var location = document.nodesHaveLocations ? failure.ownerLocation : relativePath.flatMap { entry?.declaration?.at($0)?.fileLocation }
        if location == nil || location?.line == 0 { location = entry?.resource.location ?? document.account.location }
        return FailingCheck(
            propertyPath: relativePath, found: failure.found, expected: failure.expectedValue, message: failure.message,
            reason: failure.reason, location: location, unresolvedDependency: entry.flatMap { dependency(of: relativePath, in: $0) })
    }

    /// What an unresolved value on the failing path depends on. Unresolved paths are relative to
    /// the resource's properties; check paths to the resource.
    private func dependency(of path: JSONPointer?, in entry: ScanDocument.Entry) -> String? {
        guard let path, path.components.first == .key("Properties") else { return nil }
        let underProperties = JSONPointer(Array(path.components.dropFirst()))
        return entry.unresolved.first { underProperties.hasPrefix($0.path) || $0.path.hasPrefix(underProperties) }?.dependsOn
    }
}
