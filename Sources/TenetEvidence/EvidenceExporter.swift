import Foundation
import TenetHistory
import TenetRules

/// Writes an evidence bundle: the period's tables as JSON Lines and CSV, and a manifest with
/// every file's SHA-256, the rule versions and the chain digests covered, signed when a key is
/// given. Reads the store only through `HistoryStore`, `HistoryQueries` and `ChainVerifier`.
public struct EvidenceExporter {
    public let store: any HistoryStore
    /// Where rule titles, severities and control mappings come from.
    public let library: ManagedRuleLibrary
    public let signingKey: HistorySigningKey?

    public init(store: any HistoryStore, library: ManagedRuleLibrary, signingKey: HistorySigningKey? = nil) {
        self.store = store
        self.library = library
        self.signingKey = signingKey
    }

    public struct Report: Sendable {
        public var manifest: EvidenceManifest
        /// Rows per table, by table name.
        public var rows: [String: Int]
    }

    /// Refuses (with `HistoryError`) a period that ends before it starts, a directory that is not
    /// empty, and a store whose chains do not verify: evidence from a tampered store is none.
    public func export(_ request: EvidenceRequest, to directory: String) throws -> Report {
        guard request.from <= request.to else {
            throw HistoryError(.invalidInput, "--from \(HistoryTime.format(request.from)) is after --to \(HistoryTime.format(request.to))")
        }
        try prepare(directory)
        let verification = try ChainVerifier(store: store).verify()
        if let failed = verification.sources.first(where: { $0.problem != nil }), let problem = failed.problem {
            throw HistoryError(.invalidInput, "refusing to export: the chain of \(failed.source) does not verify (\(problem)); run `tenet history verify`")
        }
        let period = try PeriodHistory(store: store, from: request.from, to: request.to, now: request.createdAt)
        let content = EvidenceContent(period: period, request: request, library: library)

        var files: [EvidenceManifest.File] = []
        for table in content.tables {
            for (name, bytes) in [(table.jsonLinesFile, table.jsonLines), (table.csvFile, table.csv)] {
                try write(bytes, to: name, in: directory)
                files.append(EvidenceManifest.File(path: name, sha256: FileDigest.sha256(bytes), bytes: bytes.count))
            }
        }
        let manifest = EvidenceManifest(
            format: EvidenceManifest.currentFormat,
            tool: .init(name: "tenet", version: request.toolVersion),
            createdAt: HistoryTime.format(request.createdAt),
            period: .init(from: HistoryTime.format(request.from), to: HistoryTime.format(request.to)),
            selection: .init(pack: request.pack, rules: request.rules?.sorted()),
            rules: content.ruleVersions.sorted { $0.key < $1.key }.map { .init(id: $0.key, versionHashes: $0.value.sorted()) },
            chains: period.chains.map { chain in
                .init(source: chain.source.rawValue, blocks: chain.blocks.map(Self.chainBlock), head: chain.head.map(Self.chainBlock))
            },
            files: files,
            signature: signingKey.map { .init(algorithm: "Ed25519", publicKey: $0.publicKey.hex) })
        let manifestBytes = manifest.canonicalBytes
        try write(manifestBytes, to: EvidenceManifest.fileName, in: directory)
        if let signingKey {
            try write(Array((try signingKey.sign(bytes: manifestBytes) + "\n").utf8), to: EvidenceManifest.signatureFileName, in: directory)
        }
        return Report(manifest: manifest, rows: Dictionary(content.tables.map { ($0.name, $0.rows.count) }, uniquingKeysWith: { $1 }))
    }

    private static func chainBlock(_ block: Block) -> EvidenceManifest.ChainBlock {
        .init(sequence: block.sequence, capturedAt: HistoryTime.format(block.capturedAt), digest: block.digest)
    }

    /// A bundle gets a directory of its own: a file left from something else would be an extra
    /// file to `verify`.
    private func prepare(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw HistoryError(.invalidInput, "\(directory) exists and is not a directory") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard entries.isEmpty else {
                throw HistoryError(.invalidInput, "\(directory) is not empty; an evidence bundle needs a directory of its own")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw HistoryError(.invalidInput, "cannot create \(directory): \(error.localizedDescription)")
            }
        }
    }

    private func write(_ bytes: [UInt8], to name: String, in directory: String) throws {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name)
        do {
            try Data(bytes).write(to: path)
        } catch {
            throw HistoryError(.invalidInput, "cannot write \(path.path): \(error.localizedDescription)")
        }
    }
}
