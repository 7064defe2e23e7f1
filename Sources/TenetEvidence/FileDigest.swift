import Crypto
import TenetHistory

/// The SHA-256 a manifest records for each file, in lower-case hex.
enum FileDigest {
    static func sha256(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }
}
