import Foundation
import TenetDocument
import TenetInventory

/// Applies suppressions to a scan's verdicts.
///
/// A suppression covers a NON_COMPLIANT verdict when its rule pattern matches the rule, it names
/// the resource (central: by id, type or pattern; inline: by being written in it), and — when it
/// has a `path` — every failing check lies at or under that path, so an exception for one property
/// never hides a second problem on the same resource. Errors are never suppressed: a rule that
/// cannot run is not an accepted risk.
///
/// A covering suppression that has expired at the run's clock (`ScanResult.evaluatedAt`, set by
/// `--now`) no longer suppresses; it is listed in `expiredSuppressions` so its owner renews or
/// fixes it. When several are in force, central ones come first, then inline ones, each in the
/// order written: the reviewed file's owner and reason are the ones reports show.
public struct SuppressionPolicy: Sendable {
    public var central: [Suppression]
    /// From `InlineSuppressions.read`, for every template of the run.
    public var inline: [ResourceID: [Suppression]]
    /// False for `--no-inline-suppressions`: template metadata is ignored, for teams that review
    /// every exception centrally.
    public var honoursInline: Bool

    public init(central: [Suppression], inline: [ResourceID: [Suppression]] = [:], honoursInline: Bool = true) {
        self.central = central
        self.inline = inline
        self.honoursInline = honoursInline
    }

    /// Sets each evaluation's `suppression` (clearing any earlier one) and replaces the result's
    /// `expiredSuppressions`, so applying twice gives the same result.
    public func apply(to result: inout ScanResult) {
        let centralMatchers = central.map { ($0, Glob($0.rule), $0.resource.map(ResourceSelector.init)) }
        var expired: [Suppression] = []
        var expiredSeen: Set<Suppression> = []
        let inline = honoursInline ? inline : [:]
        let anyCanCover = !centralMatchers.isEmpty || !inline.isEmpty
        // Evaluations are read in place, never copied: a large run has hundreds of thousands,
        // and most runs have no suppression that could cover any of them.
        for index in result.evaluations.indices {
            if result.evaluations[index].isSuppressed { result.evaluations[index].suppression = nil }
            guard anyCanCover, result.evaluations[index].state == .nonCompliant else { continue }
            let ruleID = result.evaluations[index].ruleID
            let resource = result.evaluations[index].resource
            var covering = centralMatchers
                .filter { _, rule, selector in rule.matches(ruleID) && selector?.matches(resource) ?? false }
                .map(\.0)
            covering += (inline[resource.id] ?? []).filter { Glob($0.rule).matches(ruleID) }
            for suppression in covering where suppression.covers(result.evaluations[index].checks) {
                if suppression.isExpired(at: result.evaluatedAt) {
                    if expiredSeen.insert(suppression).inserted { expired.append(suppression) }
                } else if result.evaluations[index].suppression == nil {
                    result.evaluations[index].suppression = suppression
                }
            }
        }
        result.expiredSuppressions = expired
    }
}

extension Suppression {
    /// Whether every failing check lies at or under this suppression's path; true without a path.
    /// A check with no path cannot be shown to lie under one, so it is not covered.
    func covers(_ checks: [FailingCheck]) -> Bool {
        guard let propertyPath else { return true }
        let prefix = propertyPath.description
        return !checks.isEmpty && checks.allSatisfy { check in
            // Compared in the canonical rendering: a parsed pointer holds `0` as a key where the
            // engine's holds a list index, and both render alike.
            guard let path = check.propertyPath?.description else { return false }
            return path == prefix || path.hasPrefix(prefix + "/")
        }
    }
}
