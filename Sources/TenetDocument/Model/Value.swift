/// A document value as a plain Swift tree, for building documents in code and for tests.
///
/// Loaded documents live in the `Document` arena; `Value` is the form to write by hand and to
/// compare. Maps keep their order for output, but equality treats them as data: two maps are equal
/// when they hold the same keys with equal values, in any order.
public indirect enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([Value])
    case map([Entry])

    public struct Entry: Sendable {
        public var key: String
        public var value: Value

        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    public var kind: NodeKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .float: .float
        case .string: .string
        case .list: .list
        case .map: .map
        }
    }

    public subscript(key: String) -> Value? {
        guard case .map(let entries) = self else { return nil }
        return entries.last(where: { $0.key == key })?.value
    }
}

extension Value: Equatable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            var byKey: [String: Value] = [:]
            for entry in b { byKey[entry.key] = entry.value }
            guard byKey.count == b.count else { return false }
            return a.allSatisfy { byKey[$0.key] == $0.value }
        default: return false
        }
    }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .map(elements.map { Entry($0.0, $0.1) })
    }
}

extension Node {
    /// Copies the node and everything below it out of the arena.
    public var value: Value {
        switch kind {
        case .null: return .null
        case .bool: return .bool(boolValue!)
        case .int: return .int(intValue!)
        case .float: return .float(floatValue!)
        case .string: return .string(stringValue!)
        case .list: return .list(children.map(\.value))
        case .map: return .map(children.map { Value.Entry($0.keyInParent!, $0.value) })
        }
    }
}

extension Document {
    /// A document built from a value, for data that did not come from a file (function results,
    /// parameters, projections). Every node's location is 0:0: there is no source to point at.
    public convenience init(value: Value, sourceName: String = "<value>") {
        var builder = DocumentBuilder(sourceName: sourceName, limits: .unlimited)
        builder.append(value)
        self.init(building: builder)
    }
}

extension DocumentBuilder {
    fileprivate mutating func append(_ value: Value) {
        // Values built in code have no duplicate keys to report and no source, so failures here
        // would be programming errors; `try!` documents that.
        switch value {
        case .null: try! appendScalar(kind: .null, payload: 0, start: .none, end: .none)
        case .bool(let flag): try! appendScalar(kind: .bool, payload: flag ? 1 : 0, start: .none, end: .none)
        case .int(let number): try! appendScalar(kind: .int, payload: number, start: .none, end: .none)
        case .float(let number):
            try! appendScalar(kind: .float, payload: Int64(bitPattern: number.bitPattern), start: .none, end: .none)
        case .string(let text): try! appendString(text, start: .none, end: .none)
        case .list(let elements):
            try! beginContainer(.list, start: .none)
            for element in elements { append(element) }
            try! endContainer(end: .none)
        case .map(let entries):
            try! beginContainer(.map, start: .none)
            // As in `subscript(key:)`, the last of several entries with one key wins.
            var lastOffset: [String: Int] = [:]
            for (offset, entry) in entries.enumerated() { lastOffset[entry.key] = offset }
            for (offset, entry) in entries.enumerated() where lastOffset[entry.key] == offset {
                try! appendKey(entry.key, start: .none, isMerge: false)
                append(entry.value)
            }
            try! endContainer(end: .none)
        }
    }
}
