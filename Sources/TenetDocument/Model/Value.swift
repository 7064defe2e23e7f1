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
    /// Iterative, like every walk over a whole document: nesting goes as deep as the depth limit.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        var pending = [(lhs, rhs)]
        while let (left, right) = pending.popLast() {
            switch (left, right) {
            case (.null, .null): continue
            case (.bool(let a), .bool(let b)) where a == b: continue
            case (.int(let a), .int(let b)) where a == b: continue
            case (.float(let a), .float(let b)) where a == b || (a.isNaN && b.isNaN): continue
            case (.string(let a), .string(let b)) where a == b: continue
            case (.list(let a), .list(let b)) where a.count == b.count:
                pending.append(contentsOf: zip(a, b))
            case (.map(let a), .map(let b)) where a.count == b.count:
                var byKey: [String: Value] = [:]
                for entry in b { byKey[entry.key] = entry.value }
                guard byKey.count == b.count else { return false }
                for entry in a {
                    guard let other = byKey[entry.key] else { return false }
                    pending.append((entry.value, other))
                }
            default: return false
            }
        }
        return true
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
    ///
    /// Built bottom-up with an explicit stack of open containers rather than by recursion, so a
    /// document nested to the depth limit is safe on a secondary thread's small stack.
    public var value: Value {
        if let scalar = scalarValue { return scalar }
        var open = [(container: self, elements: [Value]())]
        open[0].elements.reserveCapacity(count)
        while true {
            let top = open.count - 1
            let container = open[top].container
            let next = open[top].elements.count
            if next < container.count {
                let child = container.children[next]
                if let scalar = child.scalarValue {
                    open[top].elements.append(scalar)
                } else {
                    open.append((child, []))
                    open[top + 1].elements.reserveCapacity(child.count)
                }
                continue
            }
            let elements = open.removeLast().elements
            let value: Value = container.kind == .list
                ? .list(elements)
                : .map(zip(container.children, elements).map { Value.Entry($0.keyInParent!, $1) })
            guard !open.isEmpty else { return value }
            open[open.count - 1].elements.append(value)
        }
    }

    /// The value of a scalar node; nil for a list or a map.
    private var scalarValue: Value? {
        let record = record
        switch record.kind {
        case .null: return .null
        case .bool: return .bool(record.payload != 0)
        case .int: return .int(record.payload)
        case .float: return .float(Double(bitPattern: UInt64(bitPattern: record.payload)))
        case .string: return .string(document.strings[Int(record.payload)])
        case .list, .map: return nil
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
    /// One step of appending a `Value`: the explicit stack that keeps this walk iterative.
    private enum AppendStep {
        case value(Value)
        case key(String)
        case end
    }

    fileprivate mutating func append(_ value: Value) {
        // Values built in code have no duplicate keys to report and no source, so failures here
        // would be programming errors; `try!` documents that.
        var steps = [AppendStep.value(value)]
        while let step = steps.popLast() {
            switch step {
            case .end: try! endContainer(end: .none)
            case .key(let key): try! appendKey(key, start: .none, isMerge: false)
            case .value(.null): try! appendScalar(kind: .null, payload: 0, start: .none, end: .none)
            case .value(.bool(let flag)): try! appendScalar(kind: .bool, payload: flag ? 1 : 0, start: .none, end: .none)
            case .value(.int(let number)): try! appendScalar(kind: .int, payload: number, start: .none, end: .none)
            case .value(.float(let number)):
                try! appendScalar(kind: .float, payload: Int64(bitPattern: number.bitPattern), start: .none, end: .none)
            case .value(.string(let text)): try! appendString(text, start: .none, end: .none)
            case .value(.list(let elements)):
                try! beginContainer(.list, start: .none)
                steps.append(.end)
                steps.append(contentsOf: elements.reversed().map(AppendStep.value))
            case .value(.map(let entries)):
                try! beginContainer(.map, start: .none)
                steps.append(.end)
                // As in `subscript(key:)`, the last of several entries with one key wins.
                var lastOffset: [String: Int] = [:]
                for (offset, entry) in entries.enumerated() { lastOffset[entry.key] = offset }
                for (offset, entry) in entries.enumerated().reversed() where lastOffset[entry.key] == offset {
                    steps.append(.value(entry.value))
                    steps.append(.key(entry.key))
                }
            }
        }
    }
}
