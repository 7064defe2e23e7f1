/// The operators of a clause. `!=` and `not in` are the negated forms of `==` and `in`, and every
/// unary operator can be negated, so negation is a flag beside the operator rather than more cases.
public enum BinaryOperator: Sendable, Hashable {
    case equal
    case lessThan
    case lessThanOrEqual
    case greaterThan
    case greaterThanOrEqual
    case `in`

    /// The name cfn-guard's JSON reports use (`"comparison": ["Eq", false]`).
    public var reportName: String {
        switch self {
        case .equal: "Eq"
        case .lessThan: "Lt"
        case .lessThanOrEqual: "Le"
        case .greaterThan: "Gt"
        case .greaterThanOrEqual: "Ge"
        case .in: "In"
        }
    }

    func spelling(negated: Bool) -> String {
        switch self {
        case .equal: negated ? "!=" : "=="
        case .lessThan: "<"
        case .lessThanOrEqual: "<="
        case .greaterThan: ">"
        case .greaterThanOrEqual: ">="
        case .in: negated ? "not in" : "in"
        }
    }
}

public enum UnaryOperator: String, Sendable, Hashable, CaseIterable {
    case exists
    case empty
    case isString = "is_string"
    case isList = "is_list"
    case isStruct = "is_struct"
    case isBool = "is_bool"
    case isInt = "is_int"
    case isFloat = "is_float"
    case isNull = "is_null"

    public var reportName: String {
        switch self {
        case .exists: "Exists"
        case .empty: "Empty"
        case .isString: "IsString"
        case .isList: "IsList"
        case .isStruct: "IsMap"
        case .isBool: "IsBool"
        case .isInt: "IsInt"
        case .isFloat: "IsFloat"
        case .isNull: "IsNull"
        }
    }

    func spelling(negated: Bool) -> String { negated ? "not \(rawValue)" : rawValue }

    /// Why a value fails the check, in words: `the value exists` for a failed `not exists`.
    func failureReason(negated: Bool) -> String {
        let kind: String
        switch self {
        case .exists: return negated ? "the value exists" : "the value does not exist"
        case .empty: return negated ? "the value is empty" : "the value is not empty"
        case .isString: kind = "a string"
        case .isList: kind = "a list"
        case .isStruct: kind = "a map"
        case .isBool: kind = "a boolean"
        case .isInt: kind = "an integer"
        case .isFloat: kind = "a float"
        case .isNull: kind = "null"
        }
        return negated ? "the value is \(kind)" : "the value is not \(kind)"
    }
}

/// What a clause does with its query: test each value alone, or compare it with a right-hand side.
public enum Comparison: Sendable {
    case unary(UnaryOperator, negated: Bool)
    case binary(BinaryOperator, negated: Bool, Operand)

    public var spelling: String {
        switch self {
        case .unary(let op, let negated): op.spelling(negated: negated)
        case .binary(let op, let negated, _): op.spelling(negated: negated)
        }
    }
}
