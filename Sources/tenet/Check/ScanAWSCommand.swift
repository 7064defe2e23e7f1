import ArgumentParser
import Foundation
import TenetInventory

struct ScanAWSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws",
        abstract: "Collect live AWS resources and evaluate the rules over them, in one step.",
        discussion: """
            `tenet collect aws` then `tenet scan --inventory`, without the file between: \
            the same credentials chain and collection options, the same rule, report \
            and history options. A type that cannot be read is named on stderr and its \
            rules report INSUFFICIENT_DATA, which fails the run only with \
            --fail-on-insufficient-data. The snapshot is taken as of --now when given. \
            Reports name it aws:ACCOUNT:REGIONS but, as it is no file, give its \
            findings no file, line or column: SARIF results carry the resource's ARN \
            as a logical location only, which GitHub code scanning does not accept.

            Examples:
              tenet scan aws --region eu-west-1
              tenet scan aws --region us-east-1 --profile audit --format sarif -o x.sarif
              tenet scan aws --region eu-west-1 --pack encryption --fail-on high --record

            Exit codes: 0 nothing at or above --fail-on, 1 findings (or an evaluation \
            error), 2 usage or input error (credentials, no region, AWS unreachable).
            """
    )

    @OptionGroup var aws: AWSCollectionOptions
    @OptionGroup var scan: ScanOptions
    @OptionGroup var reports: ReportOutputOptions
    @OptionGroup var recording: RecordingOptions

    func run() async throws {
        let scan = try SnapshotScan(options: scan, counting: "snapshots")
        let snapshot = try await aws.collect(capturedAt: scan.settings.now)
        for (type, reason) in snapshot.failedTypes {
            StandardStreams.writeError("warning: \(type) could not be read, its rules report INSUFFICIENT_DATA: \(reason)")
        }
        let name = Self.documentName(of: snapshot.header)
        let projection = try SnapshotProjection(header: snapshot.header, resources: snapshot.resources, name: name)
        try scan.scan([(name, projection)], origin: .live, reports: reports, recordingIn: recording.store, signingKey: recording.signingKey)
    }

    /// What reports name the live snapshot, in place of the file they name otherwise (but never
    /// as a file): `aws:ACCOUNT:REGIONS`.
    static func documentName(of header: SnapshotHeader) -> String {
        guard case .aws(let account, let regions, _) = header.source else { return "aws" }
        return "aws:\(account ?? "unknown"):\(regions.joined(separator: ","))"
    }
}
