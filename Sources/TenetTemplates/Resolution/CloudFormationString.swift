import TenetDocument

extension Value {
    /// The value as CloudFormation's string functions see it: numbers and booleans in their
    /// written form; nil for null, lists and maps.
    var cloudFormationString: String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .float(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null, .list, .map: nil
        }
    }
}
