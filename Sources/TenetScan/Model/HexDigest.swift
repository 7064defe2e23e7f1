import Crypto

/// SHA-256 digests in lower-case hex, the form rule versions and finding fingerprints are kept in.
enum HexDigest {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The first `count` bytes of the digest of `bytes`, two digits each. Written into one buffer:
    /// a string per byte, joined, was most of the cost of hashing every rule of the pack at the
    /// start of each `check`.
    static func sha256(of bytes: [UInt8], keeping count: Int = SHA256.Digest.byteCount) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for byte in SHA256.hash(data: bytes).prefix(count) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
