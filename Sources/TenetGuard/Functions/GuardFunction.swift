/// Guard's built-in functions. Arity is part of the grammar: a call with the wrong number of
/// arguments is a parse error, as in cfn-guard.
public enum GuardFunction: String, Sendable, CaseIterable {
    case count
    case jsonParse = "json_parse"
    case regexReplace = "regex_replace"
    case substring
    case toUpper = "to_upper"
    case toLower = "to_lower"
    case join
    case urlDecode = "url_decode"
    case parseInt = "parse_int"
    case parseFloat = "parse_float"
    case parseString = "parse_string"
    case parseBoolean = "parse_boolean"
    case parseChar = "parse_char"
    case parseEpoch = "parse_epoch"
    case now

    public var arity: Int {
        switch self {
        case .now: 0
        case .join: 2
        case .regexReplace, .substring: 3
        default: 1
        }
    }
}
