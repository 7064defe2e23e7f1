import Crypto

/// SHA-256 digests in lower-case hex, the form rule versions and finding fingerprints are kept in.
enum HexDigest {
    /// Worked out rather than looked up in a shared table: the cores writing a report, which takes
    /// the digest of every finding, contended for the table's reference count.
    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The first `count` bytes of the digest of `bytes`, two digits each. Written into one buffer:
    /// a string per byte, joined, was most of the cost of hashing every rule of the pack at the
    /// start of each `check`.
    static func sha256(of bytes: [UInt8], keeping count: Int = SHA256.Digest.byteCount) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for byte in SHA256.hash(data: bytes).prefix(count) {
            text.append(digit(byte >> 4))
            text.append(digit(byte & 0x0F))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
