import Foundation
import TenetEvidence
import TenetHistory
import TenetRules

/// Writes bundles from recorded stores and reads their files back, as an auditor's tools would.
enum EvidenceBundleFiles {
    /// A bundle of `store` over [from, to], written as if on 6 March 2026.
    static func export(
        _ store: any HistoryStore, from: String, to: String, rules: Set<String>? = nil, key: HistorySigningKey? = nil
    ) throws -> String {
        let directory = TemporaryDirectory.make().appendingPathComponent("bundle").path
        let request = EvidenceRequest(
            from: SnapshotFixture.time(from), to: SnapshotFixture.time(to), rules: rules, toolVersion: "test",
            createdAt: SnapshotFixture.time("2026-03-06T00:00:00Z"))
        try EvidenceExporter(store: store, library: .bundled, signingKey: key).export(request, to: directory)
        return directory
    }

    static func path(_ directory: String, _ name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    static func text(_ directory: String, _ name: String) throws -> String {
        try String(contentsOfFile: path(directory, name), encoding: .utf8)
    }

    /// The rows of a `.jsonl` file.
    static func rows(_ directory: String, _ table: String) throws -> [[String: Any]] {
        try text(directory, table + ".jsonl").split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// The lines of a `.csv` file, header first (no cell of these bundles holds a line break).
    static func csvLines(_ directory: String, _ table: String) throws -> [String] {
        try text(directory, table + ".csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    static func manifest(_ directory: String) throws -> EvidenceManifest {
        try JSONDecoder().decode(EvidenceManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path(directory, EvidenceManifest.fileName))))
    }

    static func rewrite(_ directory: String, _ name: String, _ transform: (String) -> String) throws {
        try transform(try text(directory, name)).write(toFile: path(directory, name), atomically: true, encoding: .utf8)
    }
}
