import Foundation
import TenetHistory
import Testing

/// Edits a recorded store behind Tenet's back, with SQL as the `sqlite3` tool would run it, and
/// checks that `verify` names the block.
@Suite struct TamperEvidenceTests {
    /// A store file holding the encryption story, signed with `key`.
    private func recordedStore(key: HistorySigningKey? = nil) throws -> String {
        let path = TemporaryDirectory.make().appendingPathComponent("history.db").path
        let store = try SQLiteHistoryStore(path: path)
        for snapshot in SnapshotFixture.encryptionStory { try snapshot.record(into: store, signingKey: key) }
        return path
    }

    private func firstProblem(_ path: String, key: HistoryPublicKey? = nil) throws -> ChainVerifier.Problem? {
        let report = try ChainVerifier(store: try SQLiteHistoryStore(path: path), publicKey: key).verify()
        return report.sources.compactMap(\.problem).first
    }

    @Test func untouchedStoreVerifies() throws {
        #expect(try firstProblem(try recordedStore()) == nil)
    }

    @Test(arguments: [
        ("UPDATE changes SET old_value = '{}' WHERE sequence = 2", 2),
        ("UPDATE transitions SET new_state = 'COMPLIANT' WHERE sequence = 2", 2),
        ("UPDATE versions SET configuration = replace(configuration, 'aws:kms', 'AES256') WHERE sequence = 3", 3),
        ("UPDATE summaries SET count = 0 WHERE sequence = 1 AND state = 'COMPLIANT'", 1),
        ("UPDATE blocks SET captured_at = captured_at + 1 WHERE sequence = 2", 2),
    ])
    func modifiedRowIsDetected(sql: String, block: Int) throws {
        let path = try recordedStore()
        try RawSQLite.execute(path, sql)
        #expect(try firstProblem(path)?.sequence == block)
    }

    @Test func deletedRowIsDetected() throws {
        let path = try recordedStore()
        try RawSQLite.execute(path, "DELETE FROM transitions WHERE sequence = 2 AND new_state = 'NON_COMPLIANT'")
        #expect(try firstProblem(path)?.sequence == 2)
    }

    @Test func reorderedRowsAreDetected() throws {
        let path = try recordedStore()
        try RawSQLite.execute(path, """
            UPDATE versions SET ordinal = -1 WHERE sequence = 1 AND ordinal = 0;
            UPDATE versions SET ordinal = 0 WHERE sequence = 1 AND ordinal = 1;
            UPDATE versions SET ordinal = 1 WHERE sequence = 1 AND ordinal = -1;
            """)
        #expect(try firstProblem(path)?.sequence == 1)
    }

    @Test func deletedBlockIsDetectedAndATruncatedEndNeedsAPublishedHead() throws {
        let path = try recordedStore()
        try RawSQLite.execute(path, "DELETE FROM blocks WHERE sequence = 2")
        #expect(try firstProblem(path)?.sequence == 2)

        let truncated = try recordedStore()
        let truncatedStore = try SQLiteHistoryStore(path: truncated)
        let published = try #require(try truncatedStore.sources().first.flatMap { try truncatedStore.blocks(of: $0).last?.digest })
        try RawSQLite.execute(truncated, """
            DELETE FROM versions WHERE sequence = 3; DELETE FROM changes WHERE sequence = 3; DELETE FROM transitions WHERE sequence = 3;
            DELETE FROM summaries WHERE sequence = 3; DELETE FROM blocks WHERE sequence = 3;
            """)
        #expect(try ChainVerifier(store: try SQLiteHistoryStore(path: truncated)).verify(heads: [published]).missingHeads == [published])
    }

    @Test func speedTableEditIsDetected() throws {
        let path = try recordedStore()
        // The third byte of the packed states is the first verdict's state code: 1 is NON_COMPLIANT.
        try RawSQLite.execute(path, """
            UPDATE current_compliance SET states = substr(states, 1, 2) || x'01' || substr(states, 4)
            WHERE resource = (SELECT id FROM resources WHERE key = 'arn:aws:s3:::logs')
            """)
        let problem = try #require(try firstProblem(path))
        #expect(problem.sequence == nil)
        #expect(problem.message.contains("current-compliance"))
    }

    /// An attacker who rewrites a row and recomputes every digest after it passes the plain chain
    /// check, but not the signature check.
    @Test func rewrittenBlockWithRecomputedChainFailsTheSignatureCheck() throws {
        let key = HistorySigningKey()
        let path = try recordedStore(key: key)
        try RawSQLite.execute(path, """
            UPDATE transitions SET new_state = 'COMPLIANT', checks = (SELECT id FROM names WHERE key = '[]')
            WHERE sequence = 2 AND new_state = 'NON_COMPLIANT'
            """)
        try RawSQLite.execute(path, "UPDATE transitions SET old_state = 'COMPLIANT' WHERE sequence = 3 AND old_state = 'NON_COMPLIANT'")
        let store = try SQLiteHistoryStore(path: path)
        var previous = BlockDigest.genesis
        for block in try store.blocks(of: try #require(try store.sources().first)) {
            var rewritten = block
            rewritten.previousDigest = previous
            let digest = BlockDigest.compute(block: rewritten, content: try store.content(of: block))
            try RawSQLite.execute(path, "UPDATE blocks SET previous_digest = '\(previous)', digest = '\(digest)' WHERE sequence = \(block.sequence)")
            previous = digest
        }
        #expect(try firstProblem(path) == nil)
        #expect(try firstProblem(path, key: key.publicKey)?.sequence == 2)
    }
}
