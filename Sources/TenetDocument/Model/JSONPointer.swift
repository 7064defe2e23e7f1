import Foundation

/// One step of a path from a document's root to a node.
public enum PathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// An RFC 6901 JSON pointer (`/Resources/Bucket/Properties/BucketEncryption`).
///
/// Reports, SARIF fingerprints and the history store identify a value by this path, so it is a
/// type with one canonical rendering rather than a string assembled in several places.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var components: [PathComponent]

    public init(_ components: [PathComponent] = []) {
        self.components = components
    }

    public static let root = JSONPointer()

    public func appending(_ component: PathComponent) -> JSONPointer {
        JSONPointer(components + [component])
    }

    public func appending(key: String) -> JSONPointer { appending(.key(key)) }
    public func appending(index: Int) -> JSONPointer { appending(.index(index)) }

    /// Whether `self` equals `other` or lies below it.
    public func hasPrefix(_ other: JSONPointer) -> Bool {
        components.starts(with: other.components)
    }

    public var description: String {
        var text: [UInt8] = []
        append(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The RFC 6901 form's bytes appended to `text`: reports write a path for each of a large
    /// run's findings.
    public func append(to text: inout [UInt8]) {
        for component in components {
            text.append(UInt8(ascii: "/"))
            switch component {
            case .key(let key) where !key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }):
                // Nearly every key needs no escape: appended whole, not a byte at a time.
                text.append(contentsOf: key.utf8)
            case .key(let key):
                // `~` and `/` are ASCII: no byte of a longer UTF-8 sequence is taken for either.
                for byte in key.utf8 {
                    switch byte {
                    case UInt8(ascii: "~"): text.append(contentsOf: "~0".utf8)
                    case UInt8(ascii: "/"): text.append(contentsOf: "~1".utf8)
                    default: text.append(byte)
                    }
                }
            case .index(let index):
                text.appendDecimal(index)
            }
        }
    }

    /// Parses the RFC 6901 form. Every segment becomes a key: a pointer alone cannot tell a list
    /// index from a map key that looks like a number, so `Node.at(_:)` accepts either.
    public init?(parsing text: String) {
        if text.isEmpty {
            self.init()
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var components: [PathComponent] = []
        for segment in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            components.append(.key(segment.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")))
        }
        self.init(components)
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.description < rhs.description
    }
}
