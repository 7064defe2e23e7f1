import Foundation

/// `manifest.json`: what a bundle holds and what it was made from. Its exact bytes are what
/// `manifest.sig` signs, so a verifier never re-encodes it.
public struct EvidenceManifest: Codable, Sendable, Equatable {
    public static let currentFormat = "tenet-evidence-bundle-v1"
    public static let fileName = "manifest.json"
    /// The hex Ed25519 signature of `manifest.json`'s bytes, when the bundle is signed.
    public static let signatureFileName = "manifest.sig"

    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    public struct Period: Codable, Sendable, Equatable {
        /// RFC 3339, both ends included.
        public var from: String
        public var to: String
    }

    public struct Selection: Codable, Sendable, Equatable {
        public var pack: String?
        /// The rules asked for; nil for every rule recorded in the period.
        public var rules: [String]?
    }

    public struct RuleVersions: Codable, Sendable, Equatable {
        public var id: String
        /// The SHA-256 of each version of the rule's text that produced a reported verdict.
        public var versionHashes: [String]
    }

    public struct ChainBlock: Codable, Sendable, Equatable {
        public var sequence: Int
        public var capturedAt: String
        public var digest: String
    }

    /// One source's hash chain: the blocks the period covers, and the head when the bundle was
    /// written, to compare with `tenet history head` or a digest published earlier.
    public struct Chain: Codable, Sendable, Equatable {
        public var source: String
        public var blocks: [ChainBlock]
        public var head: ChainBlock?
    }

    public struct File: Codable, Sendable, Equatable {
        /// A plain file name in the bundle's directory.
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    public struct Signature: Codable, Sendable, Equatable {
        public var algorithm: String
        /// Hex of the signer's Ed25519 public key, naming it; verification trusts only the key
        /// the auditor is given separately.
        public var publicKey: String
    }

    public var format: String
    public var tool: Tool
    public var createdAt: String
    public var period: Period
    public var selection: Selection
    public var rules: [RuleVersions]
    public var chains: [Chain]
    public var files: [File]
    public var signature: Signature?

    /// Pretty JSON with sorted keys: the bytes written to `manifest.json` and signed.
    public var canonicalBytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding a tree of strings and integers cannot fail.
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}
