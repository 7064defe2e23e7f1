import Crypto
import Foundation

/// Ed25519 keys for block and manifest signatures, stored as one line of hex in a file.
///
/// With the private key kept away from the store's writers, someone who can rewrite the database
/// and recompute every digest still cannot produce signatures that `verify --public-key` accepts.
public struct HistorySigningKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    public init() { key = Curve25519.Signing.PrivateKey() }

    public init(contentsOf path: String) throws {
        let bytes = try KeyFile.read(path, kind: "signing key")
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
        } catch {
            throw HistoryError(.invalidInput, "\(path) is not an Ed25519 signing key (expected 64 hex digits, as `tenet history keygen` writes)")
        }
    }

    public var publicKey: HistoryPublicKey { HistoryPublicKey(key: key.publicKey) }

    /// Hex signature of a hex digest's text.
    public func sign(digest: String) throws -> String {
        try sign(bytes: Array(digest.utf8))
    }

    /// Hex signature of a file's exact bytes (an evidence bundle's manifest).
    public func sign(bytes: [UInt8]) throws -> String {
        Hex.encode(try key.signature(for: bytes))
    }

    public func write(to path: String) throws {
        try KeyFile.write(Hex.encode(key.rawRepresentation), to: path, permissions: 0o600)
    }
}

public struct HistoryPublicKey: Sendable {
    let key: Curve25519.Signing.PublicKey

    init(key: Curve25519.Signing.PublicKey) { self.key = key }

    public init(contentsOf path: String) throws {
        let bytes = try KeyFile.read(path, kind: "public key")
        do {
            key = try Curve25519.Signing.PublicKey(rawRepresentation: bytes)
        } catch {
            throw HistoryError(.invalidInput, "\(path) is not an Ed25519 public key (expected 64 hex digits, as `tenet history keygen` writes)")
        }
    }

    public func isValid(signature: String, digest: String) -> Bool {
        isValid(signature: signature, bytes: Array(digest.utf8))
    }

    public func isValid(signature: String, bytes: [UInt8]) -> Bool {
        guard let signatureBytes = Hex.decode(signature) else { return false }
        return key.isValidSignature(signatureBytes, for: bytes)
    }

    /// Hex of the raw key, for naming the signer in a manifest.
    public var hex: String { Hex.encode(key.rawRepresentation) }

    public func write(to path: String) throws {
        try KeyFile.write(hex, to: path, permissions: 0o644)
    }
}

/// Reading and writing the one-line hex key files.
enum KeyFile {
    static func read(_ path: String, kind: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HistoryError(.invalidInput, "cannot read the \(kind) file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Hex.decode(text) else {
            throw HistoryError(.invalidInput, "\(path) is not a \(kind) file (expected one line of hex digits)")
        }
        return bytes
    }

    static func write(_ text: String, to path: String, permissions: Int) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw HistoryError(.invalidInput, "\(path) exists; refusing to overwrite a key")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: permissions]) else {
            throw HistoryError(.invalidInput, "cannot write \(path)")
        }
    }
}
