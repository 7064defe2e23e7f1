import TenetInventory

/// The findings a team has accepted as already there, so that a run fails only on new ones
/// (`--write-baseline FILE` records it, `--baseline FILE` compares with it).
///
/// The file is JSON, documented in docs/baseline-format.md: a format name and version, then one
/// entry per finding with its fingerprint and, beside it for people reviewing the file, the rule,
/// resource id and property path it was computed from. Entries are sorted and nothing in the file
/// depends on the clock or on line numbers, so re-recording an unchanged project rewrites the
/// same bytes and a moved resource keeps its fingerprint.
public struct BaselineFile: Sendable, Equatable {
    public static let format = "tenet-baseline"
    public static let version = 1

    public struct Entry: Sendable, Hashable, Comparable {
        public var fingerprint: FindingFingerprint
        public var rule: String
        public var resource: ResourceID
        /// The property path the fingerprint is keyed on, relative to the resource; nil when the
        /// finding has none.
        public var propertyPath: String?

        public init(rule: String, resource: ResourceID, propertyPath: String?) {
            fingerprint = FindingFingerprint(rule: rule, resource: resource, propertyPath: propertyPath)
            self.rule = rule
            self.resource = resource
            self.propertyPath = propertyPath
        }

        /// Rule, then resource, then path: the order a reviewer reads the file in.
        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.rule, lhs.resource.rawValue, lhs.propertyPath ?? "", lhs.fingerprint.rawValue)
                < (rhs.rule, rhs.resource.rawValue, rhs.propertyPath ?? "", rhs.fingerprint.rawValue)
        }
    }

    /// Sorted, one per fingerprint.
    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = Set(entries).sorted()
    }

    /// The findings a run would record: every NON_COMPLIANT verdict not suppressed. Suppressed
    /// findings are left out, so that when a suppression expires its finding fails again rather
    /// than hiding in the baseline.
    public init(findingsOf result: ScanResult) {
        self.init(entries: result.evaluations.filter { $0.state == .nonCompliant && $0.suppression == nil }.map { evaluation in
            Entry(rule: evaluation.ruleID, resource: evaluation.resource.id, propertyPath: evaluation.fingerprintPath)
        })
    }

    public var fingerprints: Set<FindingFingerprint> { Set(entries.map(\.fingerprint)) }
}
