import ArgumentParser
import TenetDocument
import TenetEvidence
import TenetHistory

struct ExportVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check an evidence bundle offline: every file's SHA-256, no missing or extra files, and the manifest's signature.",
        discussion: """
            Exit codes: 0 verified, 1 tampered (the first file or field that does not match \
            is named), 2 usage or input error.

            Examples:
              tenet export verify q1-evidence
              tenet export verify q1-evidence --public-key tenet.key.pub
            """
    )

    @Argument(help: "The bundle's directory.")
    var directory: String

    @Option(help: "An Ed25519 public key file; manifest.sig must be its signature of manifest.json.")
    var publicKey: String?

    @OptionGroup var format: HistoryFormatOption

    func run() throws {
        let report: EvidenceBundleVerifier.Report
        do {
            let key = try publicKey.map(HistoryPublicKey.init(contentsOf:))
            report = try EvidenceBundleVerifier(directory: directory, publicKey: key).verify()
        } catch let error as HistoryError {
            StandardStreams.writeError("error: \(error.message)")
            throw ExitStatus.usageOrInputError
        }
        format.write(
            text: {
                if let problem = report.problem { return "TAMPERED: \(problem)\ntampered\n" }
                return "\(report.filesChecked) files match the manifest; "
                    + (report.signatureChecked ? "signature verified" : "signature not checked (no --public-key)") + "\nverified\n"
            },
            json: {
                ["verified": .bool(report.verified), "filesChecked": .int(Int64(report.filesChecked)),
                 "signatureChecked": .bool(report.signatureChecked),
                 "file": report.problem.map { .string($0.file) } ?? .null, "problem": report.problem.map { .string($0.message) } ?? .null]
            })
        if !report.verified { throw ExitStatus.failuresFound }
    }
}
