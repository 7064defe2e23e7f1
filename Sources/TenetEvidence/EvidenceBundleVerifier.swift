import Foundation
import TenetHistory

/// Re-checks a bundle offline: the manifest's signature (with a public key), every listed
/// file's SHA-256, and that no file is missing or added. Names the first thing that does not
/// match.
public struct EvidenceBundleVerifier {
    public let directory: String
    /// When given, `manifest.sig` must hold this key's signature of `manifest.json`.
    public let publicKey: HistoryPublicKey?

    public init(directory: String, publicKey: HistoryPublicKey? = nil) {
        self.directory = directory
        self.publicKey = publicKey
    }

    /// The first file or manifest field that does not match.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var message: String

        public var description: String { "\(file): \(message)" }
    }

    public struct Report: Sendable {
        /// nil when the manifest itself could not be read.
        public var manifest: EvidenceManifest?
        public var filesChecked: Int
        public var signatureChecked: Bool
        public var problem: Problem?

        public var verified: Bool { problem == nil }
    }

    /// Throws `HistoryError` when `directory` is not a bundle at all (no such directory, no
    /// manifest); everything else is a `Problem` in the report.
    public func verify() throws -> Report {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HistoryError(.invalidInput, "\(directory) is not a directory")
        }
        guard let manifestBytes = contents(EvidenceManifest.fileName) else {
            throw HistoryError(.invalidInput, "\(directory) has no \(EvidenceManifest.fileName): not an evidence bundle (`tenet export` writes one)")
        }
        var report = Report(manifest: nil, filesChecked: 0, signatureChecked: publicKey != nil, problem: nil)
        report.problem = check(manifestBytes, into: &report)
        return report
    }

    private func check(_ manifestBytes: [UInt8], into report: inout Report) -> Problem? {
        let signature = contents(EvidenceManifest.signatureFileName)
        if let publicKey {
            guard let signature else {
                return Problem(file: EvidenceManifest.signatureFileName, message: "missing: the bundle is not signed")
            }
            let text = String(decoding: signature, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard publicKey.isValid(signature: text, bytes: manifestBytes) else {
                return Problem(file: EvidenceManifest.fileName, message: "its signature in \(EvidenceManifest.signatureFileName) does not match the public key (the manifest was changed after signing, or signed with another key)")
            }
        }
        let manifest: EvidenceManifest
        do {
            manifest = try JSONDecoder().decode(EvidenceManifest.self, from: Data(manifestBytes))
        } catch {
            return Problem(file: EvidenceManifest.fileName, message: "not a readable manifest (\(error))")
        }
        report.manifest = manifest
        guard manifest.format == EvidenceManifest.currentFormat else {
            return Problem(file: EvidenceManifest.fileName, message: "format '\(manifest.format)' is not \(EvidenceManifest.currentFormat)")
        }
        if manifest.signature != nil, signature == nil {
            return Problem(file: EvidenceManifest.signatureFileName, message: "missing, though the manifest says the bundle is signed")
        }
        var expected: Set<String> = [EvidenceManifest.fileName]
        if signature != nil && manifest.signature != nil { expected.insert(EvidenceManifest.signatureFileName) }
        for (index, file) in manifest.files.enumerated() {
            guard Self.isPlainName(file.path), !expected.contains(file.path) else {
                return Problem(file: EvidenceManifest.fileName, message: "files[\(index)].path '\(file.path)' is not a file of the bundle")
            }
            expected.insert(file.path)
            guard let bytes = contents(file.path) else {
                return Problem(file: file.path, message: "missing (the manifest lists it)")
            }
            let digest = FileDigest.sha256(bytes)
            guard digest == file.sha256.lowercased() else {
                return Problem(file: file.path, message: "its SHA-256 does not match the manifest (expected \(file.sha256), found \(digest))")
            }
            report.filesChecked += 1
        }
        let present = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
        if let extra = present.sorted().first(where: { !expected.contains($0) }) {
            return Problem(file: extra, message: "not listed in the manifest")
        }
        return nil
    }

    /// A name directly in the bundle's directory: no separators, no `.` or `..`.
    private static func isPlainName(_ path: String) -> Bool {
        !path.isEmpty && path != "." && path != ".." && !path.contains("/") && !path.contains("\\")
    }

    private func contents(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path).map(Array.init)
    }
}
