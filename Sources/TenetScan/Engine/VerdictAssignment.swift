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

    func verdicts(for outcome: Result<FileResult, Diagnostic>) -> Verdicts {
        var verdicts = insufficientData()
        let targets = targetEntries()
        switch outcome {
        case .failure(let diagnostic):
            if targets.isEmpty {
                verdicts.append(Evaluation(ruleID: rule.id, resource: document.account, state: .error, detail: diagnostic.description), on: .account)
            }
            for entry in targets {
                verdicts.append(
                    Evaluation(ruleID: rule.id, resource: document.entries[entry].resource, state: .error, detail: diagnostic.description),
                    on: .entry(entry))
            }
        case .success(let result):
            // Checks of the rule's own resources, by position in `targets`: a large run files a
            // hundred thousand checks, and a binary search of the sorted targets costs a fraction
            // of hashing each entry into a dictionary of arrays.
            var checksByTarget = [[FailingCheck]](repeating: [], count: targets.count)
            var checksOutsideTargets: [Int: [FailingCheck]] = [:]
            var failedAnyResource = false
            var unowned: [FailingCheck] = []
            let resources = document.root["Resources"]
            // Borrowed in place from the buffer: a `for … in`, or the array's subscript, copies
            // each failure out, retaining every reference it holds, for each of a large run's
            // hundreds of thousands.
            for ruleResult in result.rules {
                ruleResult.failures.withUnsafeBufferPointer { failures in
                    for index in failures.indices {
                        guard let (entry, check) = owned(failures[index], under: resources) else {
                            unowned.append(check(for: failures[index], entry: nil, relativePath: failures[index].path))
                            continue
                        }
                        failedAnyResource = true
                        if let target = Self.position(of: entry, in: targets) {
                            checksByTarget[target].append(check)
                        } else {
                            checksOutsideTargets[entry, default: []].append(check)
                        }
                    }
                }
            }
            let passState: ComplianceState = result.status == .skip ? .notApplicable : .compliant
            for (target, entry) in targets.enumerated() {
                let checks = checksByTarget[target]
                verdicts.append(
                    Evaluation(
                        ruleID: rule.id, resource: document.entries[entry].resource, state: checks.isEmpty ? passState : .nonCompliant, checks: checks),
                    on: .entry(entry))
            }
            // Cross-resource rules may fail resources outside their declared types.
            for (entry, checks) in checksOutsideTargets.sorted(by: { document.entries[$0.key].key < document.entries[$1.key].key }) {
                verdicts.append(
                    Evaluation(ruleID: rule.id, resource: document.entries[entry].resource, state: .nonCompliant, checks: checks), on: .entry(entry))
            }
            if !unowned.isEmpty {
                verdicts.append(Evaluation(ruleID: rule.id, resource: document.account, state: .nonCompliant, checks: unowned), on: .account)
            } else if rule.appliesToAccount {
                // As AWS Config judges its AWS::::Account, the account answers only for failures
                // under no resource: one under a resource is that resource's finding, and the
                // account, like the rule's other resources, passed. A failure no check records
                // belongs to no resource, so it stays the account's.
                let failedUnrecorded = result.status == .fail && !failedAnyResource
                verdicts.append(
                    Evaluation(ruleID: rule.id, resource: document.account, state: failedUnrecorded ? .nonCompliant : passState), on: .account)
            }
        }
        return verdicts
    }

    /// Positions in `document.entries`, in document order.
    private func targetEntries() -> [Int] {
        rule.resourceTypes.flatMap { document.entriesByType[$0] ?? [] }.sorted()
    }

    /// Where `entry` stands in the ascending `targets`; nil when it is not one of them.
    private static func position(of entry: Int, in targets: [Int]) -> Int? {
        var low = 0
        var high = targets.count
        while low < high {
            let middle = (low + high) / 2
            if targets[middle] < entry { low = middle + 1 } else { high = middle }
        }
        return low < targets.count && targets[low] == entry ? low : nil
    }

    private func insufficientData() -> Verdicts {
        var verdicts = Verdicts()
        for type in rule.resourceTypes {
            guard let reason = document.insufficientTypes[type] else { continue }
            verdicts.append(
                Evaluation(
                    ruleID: rule.id, resource: document.insufficientDataResource(of: type), state: .insufficientData,
                    detail: "\(type) could not be read: \(reason)"),
                on: .insufficientData(type))
        }
        return verdicts
    }

    /// The position of the resource a failure lies under, and the check with its path relative
    /// to that resource.
    private func owned(_ failure: ClauseFailure, under resources: Node?) -> (Int, FailingCheck)? {
        guard let resources, let (resource, relative) = failure.ownerNode?.path(below: resources),
              let entry = document.entryIndex(of: resource) else { return nil }
        return (entry, check(for: failure, entry: entry, relativePath: relative))
    }

    private func check(for failure: ClauseFailure, entry: Int?, relativePath: JSONPointer?) -> FailingCheck {
        var location = document.nodesHaveLocations
            ? failure.ownerLocation : relativePath.flatMap { path in entry.flatMap { document.entries[$0].declaration?.at(path)?.fileLocation } }
        if location == nil || location?.line == 0 { location = entry.map { document.entries[$0].resource.location } ?? document.account.location }
        let found = failure.found
        return FailingCheck(
            propertyPath: relativePath, found: found, expected: failure.expectedValue, message: failure.message,
            reason: failure.failureReason, location: location,
            unresolvedDependency: entry.flatMap { dependency(of: relativePath, found: found != nil, in: $0) })
    }

    /// What an unresolved value on the failing path depends on: one at or above the failing node,
    /// or one inside the value found there. A property reported missing does not depend on its
    /// unresolved siblings, so a missing check looks only upward. Unresolved paths are relative to
    /// the resource's properties; check paths to the resource.
    private func dependency(of path: JSONPointer?, found: Bool, in entry: Int) -> String? {
        let unresolved = document.entries[entry].unresolved
        guard !unresolved.isEmpty, let path, path.components.first == .key("Properties") else { return nil }
        let underProperties = path.components.dropFirst()
        // One pass over each pair of paths finds how far they agree, which answers both
        // directions; read in place, as every failure of a resource with unresolved values asks.
        return unresolved.withUnsafeBufferPointer { values in
            for index in values.indices {
                let components = values[index].path.components
                var shared = 0
                while shared < components.count, shared < underProperties.count,
                      components[shared] == underProperties[underProperties.startIndex + shared] {
                    shared += 1
                }
                if shared == components.count || (found && shared == underProperties.count) { return values[index].dependsOn }
            }
            return nil
        }
    }
}
