import Foundation
import TenetHistory
import TenetInventory
import Testing

/// The text `tenet history compliance` prints, and the times in it.
@Suite struct ComplianceListingTests {
    @Test func timesAreRFC3339InUTCWithMillisecondsOnlyWhenThereAreSome() throws {
        #expect(HistoryTime.format(try HistoryTime.parse("2026-03-03T12:00:00Z")) == "2026-03-03T12:00:00Z")
        #expect(HistoryTime.format(try HistoryTime.parse("2026-03-03T13:00:00+01:00")) == "2026-03-03T12:00:00Z")
        #expect(HistoryTime.format(try HistoryTime.parse("2026-03-03T12:00:00.123Z")) == "2026-03-03T12:00:00.123Z")
    }

    @Test func listsEveryVerdictWithTheTimeItsStateBegan() throws {
        let store = try SQLiteHistoryStore.inMemory()
        for snapshot in SnapshotFixture.encryptionStory { try snapshot.record(into: store) }
        let at = try HistoryTime.parse("2026-03-03T00:00:00Z")
        let states = try HistoryQueries(store: store).compliance(at: at)
        var written: [UInt8] = []
        var listing = ComplianceListing { written.append(contentsOf: $0) }
        try HistoryQueries(store: store).compliance(at: at) { listing.append($0) }
        listing.finish(at: at)
        let lines = String(decoding: written, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == states.count + 1)
        #expect(lines.contains("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED  arn:aws:s3:::logs  NON_COMPLIANT  since 2026-03-02T09:00:00Z"))
        #expect(lines.last == "\(states.count) verdicts as of 2026-03-03T00:00:00Z")
    }
}
