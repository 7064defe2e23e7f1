import Foundation
import TenetEvidence
import TenetHistory
import Testing

/// `export verify` on bundles changed after they were written.
@Suite struct EvidenceVerificationTests {
    private func bundle(key: HistorySigningKey? = nil) throws -> String {
        let store = try StoreKind.sqliteFile.make()
        for snapshot in SnapshotFixture.encryptionStory { try snapshot.record(into: store) }
        return try EvidenceBundleFiles.export(store, from: "2026-03-01T00:00:00Z", to: "2026-03-05T00:00:00Z", key: key)
    }

    private func problem(_ directory: String, key: HistoryPublicKey? = nil) throws -> EvidenceBundleVerifier.Problem? {
        try EvidenceBundleVerifier(directory: directory, publicKey: key).verify().problem
    }

    @Test func untouchedBundleVerifiesWithAndWithoutItsKey() throws {
        let key = HistorySigningKey()
        let directory = try bundle(key: key)
        let report = try EvidenceBundleVerifier(directory: directory, publicKey: key.publicKey).verify()
        #expect(report.verified && report.signatureChecked && report.filesChecked == 14)
        #expect(try problem(directory) == nil)
        #expect(try EvidenceBundleFiles.manifest(directory).signature?.publicKey == key.publicKey.hex)
    }

    @Test func editedFileIsNamed() throws {
        let directory = try bundle()
        try EvidenceBundleFiles.rewrite(directory, "non-compliant-resources.csv") { $0.replacingOccurrences(of: "2026-03-04T09:00:00Z", with: "2026-03-02T10:00:00Z") }
        let found = try #require(try problem(directory))
        #expect(found.file == "non-compliant-resources.csv")
        #expect(found.message.contains("SHA-256 does not match"))
    }

    @Test func removedFileIsNamed() throws {
        let directory = try bundle()
        try FileManager.default.removeItem(atPath: EvidenceBundleFiles.path(directory, "suppressions.jsonl"))
        #expect(try problem(directory)?.description == "suppressions.jsonl: missing (the manifest lists it)")
    }

    @Test func addedFileIsNamed() throws {
        let directory = try bundle()
        FileManager.default.createFile(atPath: EvidenceBundleFiles.path(directory, "waiver.csv"), contents: Data("all fine\n".utf8))
        #expect(try problem(directory)?.description == "waiver.csv: not listed in the manifest")
    }

    @Test func manifestFieldPointingOutsideTheBundleIsNamed() throws {
        let directory = try bundle()
        try EvidenceBundleFiles.rewrite(directory, EvidenceManifest.fileName) { $0.replacingOccurrences(of: "\"rules.csv\"", with: "\"../rules.csv\"") }
        let found = try #require(try problem(directory))
        #expect(found.file == EvidenceManifest.fileName && found.message.contains("'../rules.csv'"))
    }

    /// Someone edits a file and re-hashes it in the manifest: the hashes agree again, so only the
    /// signature, which they cannot recompute, gives it away.
    @Test func rehashedButUnsignedManifestFailsTheSignatureCheck() throws {
        let key = HistorySigningKey()
        let directory = try bundle(key: key)
        try EvidenceBundleFiles.rewrite(directory, "non-compliant-resources.jsonl") { _ in "" }
        var manifest = try EvidenceBundleFiles.manifest(directory)
        let index = try #require(manifest.files.firstIndex { $0.path == "non-compliant-resources.jsonl" })
        manifest.files[index].sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        manifest.files[index].bytes = 0
        try Data(manifest.canonicalBytes).write(to: URL(fileURLWithPath: EvidenceBundleFiles.path(directory, EvidenceManifest.fileName)))

        #expect(try problem(directory) == nil)
        let found = try #require(try problem(directory, key: key.publicKey))
        #expect(found.file == EvidenceManifest.fileName)
        #expect(found.message.contains("signature"))
        #expect(try problem(directory, key: HistorySigningKey().publicKey)?.file == EvidenceManifest.fileName)
    }

    @Test func unsignedBundleFailsWhenAKeyIsRequired() throws {
        let directory = try bundle()
        #expect(try problem(directory, key: HistorySigningKey().publicKey)?.file == EvidenceManifest.signatureFileName)
    }

    @Test func notABundleIsAnInputError() throws {
        let empty = TemporaryDirectory.make().path
        #expect(throws: HistoryError.self) { try EvidenceBundleVerifier(directory: empty).verify() }
        #expect(throws: HistoryError.self) { try EvidenceBundleVerifier(directory: empty + "/missing").verify() }
    }
}
