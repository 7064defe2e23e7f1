import Foundation
import TenetDocument
import TenetHistory
import TenetInventory
import TenetReports
import TenetScan

/// Scanning snapshots — inventory files or a live collection — and writing the reports, with
/// the history recording `--record` asks for; shared by `scan --inventory`, `scan aws` and
/// `history record`.
///
/// The rules are compiled first, so a bad pack or rule file is reported before a slow collection.
struct SnapshotScan {
    let configuration: RepositoryConfiguration
    let settings: ScanSettings
    let ruleSet: RuleSet
    /// Made first, so that reading or collecting the snapshots counts towards a run being long.
    let progressBar: ProgressBar?

    /// `noun` names the snapshots on the progress bar.
    init(options: ScanOptions, counting noun: String) throws(Diagnostic) {
        progressBar = StandardStreams.progressBar(counting: noun)
        configuration = try options.configuration()
        settings = options.settings(with: configuration)
        ruleSet = try ScanPipeline.ruleSet(for: settings)
    }

    /// `origin` says whether the snapshots are inventory files, which reports point into, or a
    /// live collection, which they cannot.
    func scan(
        _ snapshots: [(name: String, projection: SnapshotProjection)], origin: DocumentOrigin, reports: ReportOutputOptions,
        recordingIn history: HistoryStoreOption?, signingKey: String?
    ) throws {
        var result = ScanEngine(ruleSet: ruleSet).scan(
            snapshots.map { ScanDocument(projection: $0.projection, name: $0.name, origin: origin) }, evaluatedAt: settings.now,
            progress: progressBar?.tracking())
        progressBar?.finish()
        try ScanPipeline.govern(&result, templates: [], settings: settings)
        if let history {
            try history.run { store in
                let recorder = HistoryRecorder(store: store, signingKey: try signingKey.map(HistorySigningKey.init(contentsOf:)))
                for (name, projection) in snapshots {
                    var own = result
                    own.evaluations = result.evaluations.filter { $0.resource.document == name }
                    let report = try recorder.record(header: projection.header, resources: projection.resources, result: own)
                    StandardStreams.writeError(
                        "recorded \(name): \(report.created) created, \(report.updated) updated, \(report.deleted) deleted, \(report.transitions) compliance transitions")
                }
            }
        }
        try reports.finish(result, settings: settings, configuration: configuration)
    }
}
