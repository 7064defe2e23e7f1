import Foundation
import TenetEvidence
import TenetHistory
import Testing

/// `tenet export …` and `tenet export verify …` as a user runs them, exit codes included.
@Suite struct ExportCommandTests {
    private func recordedStore() throws -> String {
        let path = TemporaryDirectory.make().appendingPathComponent("history.db").path
        let store = try SQLiteHistoryStore(path: path)
        for snapshot in SnapshotFixture.encryptionStory { try snapshot.record(into: store) }
        return path
    }

    private func tenet(_ arguments: String...) throws -> ChildProcess.Outcome {
        try ChildProcess.run("tenet", arguments)
    }

    @Test func signedBundleVerifiesAndAnEditIsNamed() throws {
        let keys = TemporaryDirectory.make()
        let keyFile = keys.appendingPathComponent("tenet.key").path
        #expect(try tenet("history", "keygen", "--output", keyFile).status == 0)
        let store = try recordedStore()
        let bundle = TemporaryDirectory.make().appendingPathComponent("march").path

        let exported = try tenet("export", "--from", "2026-03-01", "--to", "2026-03-05", "--pack", "encryption", "--output", bundle,
                                 "--signing-key", keyFile, "--store", store)
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(exported.standardOutput.contains("(signed, manifest.sig)"))
        #expect(try EvidenceBundleFiles.manifest(bundle).selection.pack == "encryption")
        #expect(try EvidenceBundleFiles.rows(bundle, "non-compliant-resources").count == 1)

        let verified = try tenet("export", "verify", bundle, "--public-key", keyFile + ".pub")
        #expect(verified.status == 0)
        #expect(verified.standardOutput.hasSuffix("signature verified\nverified\n"))

        try EvidenceBundleFiles.rewrite(bundle, "rules.csv") { $0 + "EXTRA,row\r\n" }
        let tampered = try tenet("export", "verify", bundle, "--public-key", keyFile + ".pub", "--format", "json")
        #expect(tampered.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(tampered.standardOutput.utf8)) as? [String: Any]
        #expect(report?["verified"] as? Bool == false)
        #expect(report?["file"] as? String == "rules.csv")
    }

    @Test func badInputIsExitTwo() throws {
        let store = try recordedStore()
        let directory = TemporaryDirectory.make()
        let bundle = directory.appendingPathComponent("bundle").path

        let reversed = try tenet("export", "--from", "2026-03-05", "--to", "2026-03-01", "--output", bundle, "--store", store)
        #expect(reversed.status == 2 && reversed.standardError.contains("is after --to"))
        #expect(try tenet("export", "--from", "last week", "--to", "2026-03-01", "--output", bundle, "--store", store).status == 2)
        #expect(try tenet("export", "--from", "2026-03-01", "--to", "2026-03-05", "--store", store).status == 2)

        FileManager.default.createFile(atPath: directory.appendingPathComponent("notes.txt").path, contents: Data())
        let occupied = try tenet("export", "--from", "2026-03-01", "--to", "2026-03-05", "--output", directory.path, "--store", store)
        #expect(occupied.status == 2 && occupied.standardError.contains("is not empty"))

        let notBundle = try tenet("export", "verify", directory.path)
        #expect(notBundle.status == 2 && notBundle.standardError.contains("not an evidence bundle"))
        #expect(try tenet("export", "verify", bundle).status == 2)
        #expect(try tenet("export", "verify", directory.path, "--public-key", "/nonexistent.pub").status == 2)
    }

    /// Evidence drawn from a store whose chain does not verify would be worthless.
    @Test func tamperedStoreIsRefused() throws {
        let store = try recordedStore()
        try RawSQLite.execute(store, "UPDATE transitions SET new_state = 'COMPLIANT' WHERE sequence = 2")
        let bundle = TemporaryDirectory.make().appendingPathComponent("bundle").path
        let refused = try tenet("export", "--from", "2026-03-01", "--to", "2026-03-05", "--output", bundle, "--store", store)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("does not verify (block 2"))
        #expect(!FileManager.default.fileExists(atPath: EvidenceBundleFiles.path(bundle, EvidenceManifest.fileName)))
    }
}
