import Foundation
import TenetEvidence
import TenetHistory
import TenetScan
import Testing

/// What an auditor finds in a bundle over the encryption story: `logs` loses its encryption on
/// 2 March at 09:00 and gets it back on 4 March at 09:00.
@Suite struct EvidenceBundleTests {
    private static let encryption = SnapshotFixture.encryptionRule.id

    private func recordedStore(_ snapshots: [SnapshotFixture] = SnapshotFixture.encryptionStory) throws -> any HistoryStore {
        let store = try StoreKind.sqliteFile.make()
        for snapshot in snapshots { try snapshot.record(into: store) }
        return store
    }

    @Test func nonCompliantStretchWithTheConfigurationAtTheTime() throws {
        let bundle = try EvidenceBundleFiles.export(try recordedStore(), from: "2026-03-01T00:00:00Z", to: "2026-03-05T00:00:00Z")
        let rows = try EvidenceBundleFiles.rows(bundle, "non-compliant-resources")
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["rule"] as? String == Self.encryption)
        #expect(row["resource"] as? String == "arn:aws:s3:::logs")
        #expect(row["non_compliant_from"] as? String == "2026-03-02T09:00:00Z")
        #expect(row["non_compliant_until"] as? String == "2026-03-04T09:00:00Z")
        #expect(row["seconds_in_period"] as? Int == 2 * 86_400)
        let properties = (row["configuration"] as? [String: Any])?["Properties"] as? [String: Any]
        #expect(properties?["BucketName"] as? String == "logs")
        #expect(properties?["BucketEncryption"] == nil)
        #expect(((row["checks"] as? [[String: Any]])?.first?["path"] as? String) == "/Properties/BucketEncryption")
    }

    @Test func rulesAndControlsOverThePeriodAndAtItsEnd() throws {
        let bundle = try EvidenceBundleFiles.export(try recordedStore(), from: "2026-03-01T00:00:00Z", to: "2026-03-05T00:00:00Z")
        let rule = try #require(try EvidenceBundleFiles.rows(bundle, "rules").first { $0["rule"] as? String == Self.encryption })
        #expect(rule["snapshots"] as? Int == 3)
        #expect(rule["state_at_end"] as? String == "COMPLIANT")
        #expect(rule["compliant_at_end"] as? Int == 2)
        #expect(rule["non_compliant_at_end"] as? Int == 0)
        #expect(rule["resources_non_compliant_in_period"] as? Int == 1)
        #expect(rule["non_compliant_seconds"] as? Int == 2 * 86_400)
        #expect(rule["rule_versions"] as? [String] == [SnapshotFixture.encryptionRule.versionHash])
        #expect((rule["controls"] as? [String])?.contains("cis-aws-foundations:2.1.1") == true)

        let control = try #require(try EvidenceBundleFiles.rows(bundle, "controls").first {
            $0["framework"] as? String == "cis-aws-foundations" && $0["control"] as? String == "2.1.1"
        })
        #expect(control["rules"] as? [String] == [Self.encryption])
        #expect(control["state_at_end"] as? String == "COMPLIANT")
        #expect(control["non_compliant_seconds"] as? Int == 2 * 86_400)

        let states = try EvidenceBundleFiles.rows(bundle, "rule-states").filter { $0["rule"] as? String == Self.encryption }
        #expect(states.map { $0["time"] as? String } == ["2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z", "2026-03-04T09:00:00Z"])
        #expect(states.map { $0["non_compliant"] as? Int } == [0, 1, 0])
        #expect(states.map { $0["compliant"] as? Int } == [2, 1, 2])
    }

    @Test func changeLogHoldsBothConfigurationChanges() throws {
        let bundle = try EvidenceBundleFiles.export(try recordedStore(), from: "2026-03-01T00:00:00Z", to: "2026-03-05T00:00:00Z")
        let changes = try EvidenceBundleFiles.rows(bundle, "field-changes")
        #expect(changes.map { $0["time"] as? String } == ["2026-03-02T09:00:00Z", "2026-03-04T09:00:00Z"])
        #expect(changes.allSatisfy { $0["path"] as? String == "/Properties/BucketEncryption" && $0["resource"] as? String == "arn:aws:s3:::logs" })
        #expect(changes[0]["new_value"] is NSNull && changes[1]["old_value"] is NSNull)
        let versions = try EvidenceBundleFiles.rows(bundle, "configuration-versions")
        #expect(versions.map { $0["status"] as? String } == ["created", "created", "updated", "updated"])
    }

    /// A period that starts while `logs` is already non-compliant counts only the part inside it,
    /// shows the configuration in force when it began, and its change log starts with it.
    @Test func periodStartingMidwayCountsOnlyItsPart() throws {
        let bundle = try EvidenceBundleFiles.export(try recordedStore(), from: "2026-03-03T00:00:00Z", to: "2026-03-05T00:00:00Z",
                                                    rules: [Self.encryption])
        let row = try #require(try EvidenceBundleFiles.rows(bundle, "non-compliant-resources").first)
        #expect(row["non_compliant_from"] as? String == "2026-03-02T09:00:00Z")
        #expect(row["seconds_in_period"] as? Int == 33 * 3_600)
        let properties = try #require((row["configuration"] as? [String: Any])?["Properties"] as? [String: Any])
        #expect(properties["BucketName"] as? String == "logs" && properties["BucketEncryption"] == nil)
        #expect(try EvidenceBundleFiles.rows(bundle, "field-changes").count == 1)
        #expect(try EvidenceBundleFiles.rows(bundle, "rules").map { $0["rule"] as? String } == [Self.encryption])
    }

    /// After `prune`, the stretch that began in the removed blocks still shows, with the
    /// configuration the checkpoint kept.
    @Test func prunedStoreShowsTheConfigurationTheCheckpointKept() throws {
        let story = SnapshotFixture.encryptionStory
        let store = try recordedStore(Array(story.prefix(2)))
        try HistoryPruner(store: store).prune(before: SnapshotFixture.time("2026-03-03T00:00:00Z"))
        try story[2].record(into: store)
        let bundle = try EvidenceBundleFiles.export(store, from: "2026-03-03T00:00:00Z", to: "2026-03-05T00:00:00Z", rules: [Self.encryption])
        let row = try #require(try EvidenceBundleFiles.rows(bundle, "non-compliant-resources").first)
        #expect(row["non_compliant_until"] as? String == "2026-03-04T09:00:00Z")
        #expect(row["seconds_in_period"] as? Int == 33 * 3_600)
        let properties = try #require((row["configuration"] as? [String: Any])?["Properties"] as? [String: Any])
        #expect(properties["BucketName"] as? String == "logs" && properties["BucketEncryption"] == nil)
    }

    @Test func everyTableIsWrittenAsJSONLinesAndCSVWithTheSameRows() throws {
        let bundle = try EvidenceBundleFiles.export(try recordedStore(), from: "2026-03-01T00:00:00Z", to: "2026-03-05T00:00:00Z")
        for table in ["rules", "controls", "rule-states", "non-compliant-resources", "suppressions", "configuration-versions", "field-changes"] {
            #expect(try EvidenceBundleFiles.csvLines(bundle, table).count == (try EvidenceBundleFiles.rows(bundle, table).count) + 1, "\(table)")
        }
        #expect(try EvidenceBundleFiles.csvLines(bundle, "field-changes")[1]
            .hasPrefix("2026-03-02T09:00:00Z,aws:123456789012:eu-west-1,2,arn:aws:s3:::logs,/Properties/BucketEncryption,"))
    }

    @Test func manifestHashesEveryFileAndNamesTheChainDigests() throws {
        let store = try recordedStore()
        let bundle = try EvidenceBundleFiles.export(store, from: "2026-03-01T00:00:00Z", to: "2026-03-05T00:00:00Z")
        let manifest = try EvidenceBundleFiles.manifest(bundle)
        #expect(manifest.files.count == 14)
        let listed = Set(manifest.files.map(\.path) + [EvidenceManifest.fileName])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: bundle)) == listed)
        let source = try #require(try store.sources().first)
        let blocks = try store.blocks(of: source)
        #expect(manifest.chains.map(\.source) == [source.rawValue])
        #expect(manifest.chains[0].blocks.map(\.digest) == blocks.map(\.digest))
        #expect(manifest.chains[0].head?.digest == blocks.last?.digest)
        #expect(manifest.rules.first { $0.id == Self.encryption }?.versionHashes == [SnapshotFixture.encryptionRule.versionHash])
        #expect(manifest.period.from == "2026-03-01T00:00:00Z" && manifest.period.to == "2026-03-05T00:00:00Z")
        #expect(manifest.tool.version == "test" && manifest.signature == nil)
    }

    @Test func recordedSuppressionAppearsWithOwnerReasonAndExpiry() throws {
        var story = SnapshotFixture.encryptionStory
        let suppression = Suppression(
            rule: "S3_*", resource: "arn:aws:s3:::logs", reason: "Migrating the log pipeline", owner: "platform@example.com",
            expires: SnapshotFixture.time("2027-01-01T00:00:00Z"), expiresAsWritten: "2026-12-31", origin: .central, location: nil)
        story[1].buckets = story[1].buckets.map { bucket in
            var bucket = bucket
            if bucket.name == "logs" { bucket.suppression = suppression }
            return bucket
        }
        let store = try recordedStore(story)
        #expect(try ChainVerifier(store: store).verify().verified)

        let bundle = try EvidenceBundleFiles.export(store, from: "2026-03-01T00:00:00Z", to: "2026-03-05T00:00:00Z")
        let rows = try EvidenceBundleFiles.rows(bundle, "suppressions")
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["rule"] as? String == Self.encryption)
        #expect(row["resource"] as? String == "arn:aws:s3:::logs")
        #expect(row["owner"] as? String == "platform@example.com")
        #expect(row["reason"] as? String == "Migrating the log pipeline")
        #expect(row["expires"] as? String == "2026-12-31")
        #expect(row["origin"] as? String == "central")
        #expect(row["first_seen"] as? String == "2026-03-02T09:00:00Z" && row["snapshots"] as? Int == 1)
        #expect(try EvidenceBundleFiles.csvLines(bundle, "suppressions")[1].contains(",platform@example.com,Migrating the log pipeline,2026-12-31,central,"))
    }

    /// Blocks recorded before suppressions were kept must keep their digests: a header with none
    /// encodes exactly as it did.
    @Test func headerWithoutSuppressionsEncodesAsBefore() throws {
        let header = BlockHeader(collector: "aws", rules: ["R": "abc"], failedTypes: [])
        #expect(header.canonicalText == #"{"collector":"aws","failedTypes":[],"rules":{"R":"abc"}}"#)
        let store = try recordedStore()
        let headers = try store.blocks(of: try #require(try store.sources().first)).map(\.header)
        #expect(headers.allSatisfy { !$0.contains("suppressions") })
    }
}
