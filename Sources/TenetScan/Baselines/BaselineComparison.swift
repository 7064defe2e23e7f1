extension BaselineFile {
    /// Classes every NON_COMPLIANT verdict as `new` or `persistent` and lists, in
    /// `fixedFindings`, the baseline's findings this run no longer has. Other verdicts get no
    /// class: an error or missing data is never "accepted". Suppressed findings are classed too,
    /// for reports, though a suppression already keeps them from failing.
    public func classify(_ result: inout ScanResult) {
        let accepted = fingerprints
        var present: Set<FindingFingerprint> = []
        for index in result.evaluations.indices {
            guard result.evaluations[index].state == .nonCompliant else {
                result.evaluations[index].baseline = nil
                continue
            }
            let fingerprint = result.evaluations[index].fingerprint
            present.insert(fingerprint)
            result.evaluations[index].baseline = accepted.contains(fingerprint) ? .persistent : .new
        }
        result.fixedFindings = accepted.subtracting(present).sorted()
    }
}
