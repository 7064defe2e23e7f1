import TenetDocument

/// A literal written in a rule, or a value a built-in function computed.
///
/// Richer than a document `Value`: rules also hold regexes, characters and ranges, which documents
/// never do.
public indirect enum GuardValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case char(Character)
    case regex(GuardRegex)
    case range(GuardRange)
    case list([GuardValue])
    case map([MapEntry])

    public struct MapEntry: Sendable, Hashable {
        public var key: String
        public var value: GuardValue

        public init(key: String, value: GuardValue) {
            self.key = key
            self.value = value
        }
    }

    /// The document form, for reports: regexes, characters and ranges become their rule spelling.
    public var documentValue: Value {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .float(let number): .float(number)
        case .string(let text): .string(text)
        case .char(let character): .string(String(character))
        case .regex(let regex): .string(regex.description)
        case .range(let range): .string(range.description)
        case .list(let elements): .list(elements.map(\.documentValue))
        case .map(let entries): .map(entries.map { Value.Entry($0.key, $0.value.documentValue) })
        }
    }
}

/// A range literal `r[lo,hi)`: both ends of one type, each end open or closed.
public struct GuardRange: Sendable, Hashable, CustomStringConvertible {
    public enum Bounds: Sendable, Hashable {
        case int(Int64, Int64)
        case float(Double, Double)
        case char(Character, Character)
    }

    public var bounds: Bounds
    public var includesLower: Bool
    public var includesUpper: Bool

    public init(bounds: Bounds, includesLower: Bool, includesUpper: Bool) {
        self.bounds = bounds
        self.includesLower = includesLower
        self.includesUpper = includesUpper
    }

    func contains<T: Comparable>(_ value: T, lower: T, upper: T) -> Bool {
        let aboveLower = includesLower ? value >= lower : value > lower
        let belowUpper = includesUpper ? value <= upper : value < upper
        return aboveLower && belowUpper
    }

    public var description: String {
        let ends: String
        switch bounds {
        case .int(let low, let high): ends = "\(low),\(high)"
        case .float(let low, let high): ends = "\(low),\(high)"
        case .char(let low, let high): ends = "'\(low)','\(high)'"
        }
        return "r\(includesLower ? "[" : "(")\(ends)\(includesUpper ? "]" : ")")"
    }
}
