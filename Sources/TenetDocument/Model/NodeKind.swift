/// The kinds of value a loaded document holds.
///
/// Integers and floats are distinct kinds because the rule language never compares one with the
/// other (`1 == 1.0` fails in Guard), so the loaders must not blur them.
public enum NodeKind: UInt8, Sendable, CustomStringConvertible {
    case null
    case bool
    case int
    case float
    case string
    case list
    case map

    public var isScalar: Bool { self != .list && self != .map }

    public var description: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        }
    }
}
