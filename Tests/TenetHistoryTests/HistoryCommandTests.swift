import Foundation
import TenetHistory
import Testing

/// `tenet history …` as a user runs it, on a store holding the encryption story.
@Suite struct HistoryCommandTests {
    private func recordedStore(key: HistorySigningKey? = nil) throws -> String {
        let path = TemporaryDirectory.make().appendingPathComponent("history.db").path
        let store = try SQLiteHistoryStore(path: path)
        for snapshot in SnapshotFixture.encryptionStory { try snapshot.record(into: store, signingKey: key) }
        return path
    }

    private func tenet(_ arguments: String...) throws -> ChildProcess.Outcome {
        try ChildProcess.run("tenet", arguments)
    }

    @Test func timelineNamesTheChangedPathsAndTransitions() throws {
        let store = try recordedStore()
        let outcome = try tenet("history", "timeline", "logs", "--store", store)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("2026-03-02T09:00:00Z  updated\n    /Properties/BucketEncryption: {"))
        #expect(outcome.standardOutput.contains("2026-03-02T09:00:00Z  S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: COMPLIANT -> NON_COMPLIANT"))
        #expect(outcome.standardOutput.contains("2026-03-04T09:00:00Z  S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: NON_COMPLIANT -> COMPLIANT"))

        let json = try tenet("history", "timeline", "arn:aws:s3:::logs", "--store", store, "--format", "json")
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect((document?["events"] as? [Any])?.count == 7)
    }

    @Test func complianceAtATimeBetweenTheChanges() throws {
        let store = try recordedStore()
        let outcome = try tenet("history", "compliance", "--at", "2026-03-03T00:00:00Z", "--rule", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
                                "--store", store)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED  arn:aws:s3:::logs  NON_COMPLIANT  since 2026-03-02T09:00:00Z"))
        #expect(outcome.standardOutput.contains("2 verdicts"))
    }

    @Test func ambiguousNameListsTheCandidates() throws {
        let path = TemporaryDirectory.make().appendingPathComponent("history.db").path
        try SnapshotFixture(capturedAt: SnapshotFixture.time("2026-03-01T00:00:00Z"), buckets: [.init(name: "logs")])
            .record(into: try SQLiteHistoryStore(path: path))
        let store = try SQLiteHistoryStore(path: path)
        let fixture = SnapshotFixture(capturedAt: SnapshotFixture.time("2026-03-01T00:00:00Z"), buckets: [.init(name: "logs")])
        var resources = fixture.resources
        resources[0].id = "templates/app.yaml#logs"
        try HistoryRecorder(store: store).record(header: fixture.header, resources: resources, result: fixture.result,
                                                 source: HistorySource(rawValue: "templates:templates"))
        let outcome = try tenet("history", "timeline", "logs", "--store", path)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("arn:aws:s3:::logs"))
        #expect(outcome.standardError.contains("templates/app.yaml#logs"))
    }

    @Test func verifyExitCodes() throws {
        let keyFile = TemporaryDirectory.make().appendingPathComponent("tenet.key").path
        #expect(try tenet("history", "keygen", "--output", keyFile).status == 0)
        let key = try HistorySigningKey(contentsOf: keyFile)
        let store = try recordedStore(key: key)
        let verified = try tenet("history", "verify", "--store", store, "--public-key", keyFile + ".pub")
        #expect(verified.status == 0)
        #expect(verified.standardOutput.hasSuffix("verified\n"))

        let head = try tenet("history", "head", "--store", store, "--format", "json")
        #expect(head.status == 0 && head.standardOutput.contains("\"digest\""))

        try RawSQLite.execute(store, "UPDATE changes SET new_value = '\"x\"' WHERE sequence = 3")
        let tampered = try tenet("history", "verify", "--store", store)
        #expect(tampered.status == 1)
        #expect(tampered.standardOutput.contains("TAMPERED: block 3"))

        #expect(try tenet("history", "verify", "--store", store, "--public-key", "/nonexistent.pub").status == 2)
    }

    @Test func badInputIsExitTwoWithAClearMessage() throws {
        let corrupt = TemporaryDirectory.make().appendingPathComponent("history.db").path
        FileManager.default.createFile(atPath: corrupt, contents: Data(repeating: 7, count: 4096))
        let outcome = try tenet("history", "compliance", "--store", corrupt)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("corrupt or not a Tenet history store"))
        #expect(try tenet("history", "compliance", "--at", "yesterday", "--store", corrupt).status == 2)
    }
}
