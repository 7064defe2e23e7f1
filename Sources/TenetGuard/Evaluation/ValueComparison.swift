/// The answer to one comparison of two values. "Not comparable" is its own answer because it
/// fails under every operator, negated or not: `'5' != 5` fails in Guard.
enum ComparisonAnswer {
    case yes
    case no
    case notComparable

    init(_ flag: Bool) { self = flag ? .yes : .no }
}

/// Guard's value comparisons (cfn-guard `compare_eq` and the ordering operators).
enum ValueComparison {
    /// Equality: strings against regexes by search, numbers only within one type (`1 == 1.0` is
    /// not comparable), ranges by membership, lists in order, maps by key set.
    static func equal(_ lhs: QueryValue, _ rhs: QueryValue) -> ComparisonAnswer {
        // The hot case first: a document string against a string (a type name, say).
        if let a = lhs.stringValue, let b = rhs.stringValue {
            return ComparisonAnswer(sameBytes(a, b))
        }
        let lhsKind = lhs.kind
        let rhsKind = rhs.kind
        if case .literal(.regex(let regex)) = rhs {
            guard let text = lhs.stringValue else { return lhsKind == .regex ? regexEquality(lhs, regex) : .notComparable }
            return ComparisonAnswer(regex.matches(text))
        }
        if case .literal(.regex(let regex)) = lhs {
            guard let text = rhs.stringValue else { return .notComparable }
            return ComparisonAnswer(regex.matches(text))
        }
        // Membership only with the range on the right: `r(0,10) in 5` is not comparable.
        if case .literal(.range(let range)) = rhs { return membership(lhs, in: range) }
        guard lhsKind == rhsKind else { return .notComparable }
        switch lhsKind {
        case .null: return .yes
        case .bool: return ComparisonAnswer(lhs.boolValue == rhs.boolValue)
        case .int: return ComparisonAnswer(lhs.intValue == rhs.intValue)
        case .float: return ComparisonAnswer(lhs.floatValue == rhs.floatValue)
        case .char:
            if case .literal(.char(let a)) = lhs, case .literal(.char(let b)) = rhs { return ComparisonAnswer(a == b) }
            return .no
        case .list:
            // Element by element, stopping at the first difference; an incomparable pair makes
            // the lists incomparable, as the error propagates in cfn-guard.
            let a = lhs.elements
            let b = rhs.elements
            guard a.count == b.count else { return .no }
            for (x, y) in zip(a, b) {
                let answer = equal(x, y)
                if answer != .yes { return answer }
            }
            return .yes
        case .map:
            let a = lhs.entries
            guard a.count == rhs.count else { return .no }
            for (key, value) in a {
                guard let other = rhs.member(key) else { return .no }
                let answer = equal(value, other)
                if answer != .yes { return answer }
            }
            return .yes
        case .string, .regex, .range:
            return .notComparable
        }
    }

    /// Rust compares strings byte by byte, without Unicode normalization; so does Tenet, which is
    /// also the fast comparison.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    private static func regexEquality(_ lhs: QueryValue, _ regex: GuardRegex) -> ComparisonAnswer {
        if case .literal(.regex(let other)) = lhs { return ComparisonAnswer(other == regex) }
        return .notComparable
    }

    private static func membership(_ value: QueryValue, in range: GuardRange) -> ComparisonAnswer {
        switch (range.bounds, value) {
        case (.int(let low, let high), _):
            guard let number = value.intValue else { return .notComparable }
            return ComparisonAnswer(range.contains(number, lower: low, upper: high))
        case (.float(let low, let high), _):
            guard let number = value.floatValue else { return .notComparable }
            return ComparisonAnswer(range.contains(number, lower: low, upper: high))
        case (.char(let low, let high), .literal(.char(let character))):
            return ComparisonAnswer(range.contains(character, lower: low, upper: high))
        default:
            return .notComparable
        }
    }

    /// `<`, `<=`, `>`, `>=`: ints with ints, floats with floats, strings lexicographically,
    /// characters, and null with null.
    static func order(_ lhs: QueryValue, _ rhs: QueryValue, _ op: BinaryOperator) -> ComparisonAnswer {
        switch (lhs.kind, rhs.kind) {
        case (.int, .int):
            guard let a = lhs.intValue, let b = rhs.intValue else { return .notComparable }
            return ComparisonAnswer(holds(a, b, op))
        case (.float, .float):
            guard let a = lhs.floatValue, let b = rhs.floatValue else { return .notComparable }
            return ComparisonAnswer(holds(a, b, op))
        case (.string, .string):
            guard let a = lhs.stringValue, let b = rhs.stringValue else { return .notComparable }
            return ComparisonAnswer(holds(a, b, op))
        case (.char, .char):
            guard case .literal(.char(let a)) = lhs, case .literal(.char(let b)) = rhs else { return .notComparable }
            return ComparisonAnswer(holds(a, b, op))
        case (.null, .null):
            return ComparisonAnswer(op == .lessThanOrEqual || op == .greaterThanOrEqual)
        default:
            return .notComparable
        }
    }

    private static func holds<T: Comparable>(_ a: T, _ b: T, _ op: BinaryOperator) -> Bool {
        switch op {
        case .lessThan: a < b
        case .lessThanOrEqual: a <= b
        case .greaterThan: a > b
        case .greaterThanOrEqual: a >= b
        case .equal, .in: a == b
        }
    }

    /// `in` against one right-hand value: a substring for two strings, membership for a list, and
    /// equality (regexes and ranges included) otherwise.
    ///
    /// A list value `in` a list, as cfn-guard 3.0.1 decides it: when the right-hand list's first
    /// element is itself a list, the value must equal one of its elements; otherwise every element
    /// must be a member. Partly contained is neither `in` nor `not in` (it fails both), and an
    /// empty list is `in` anything.
    ///
    /// `substrings` is false when the right-hand side came from a query or a function: cfn-guard
    /// 3.0.1 reads a string there by equality, not containment (`a in b` fails for `x` and `-x`).
    static func contained(_ value: QueryValue, in container: QueryValue, substrings: Bool = true) -> ComparisonAnswer {
        // A literal list (`Type in ['A', 'B']`) is walked in place, without copying it.
        if case .literal(.list(let literals)) = container, value.kind != .list {
            return ComparisonAnswer(literals.contains { isMember(value, .literal($0)) })
        }
        if container.kind == .list {
            let candidates = container.elements
            guard value.kind == .list else {
                return ComparisonAnswer(candidates.contains { isMember(value, $0) })
            }
            if candidates.first?.kind == .list {
                return ComparisonAnswer(candidates.contains { equal(value, $0) == .yes })
            }
            let elements = value.elements
            let found = elements.count { element in candidates.contains { isMember(element, $0) } }
            if found == elements.count { return .yes }
            return found == 0 ? .no : .notComparable
        }
        if substrings, let needle = value.stringValue, let haystack = container.stringValue {
            // Swift finds no empty string inside another; Rust's `contains` finds it everywhere.
            return ComparisonAnswer(needle.isEmpty || haystack.contains(needle))
        }
        return equal(value, container)
    }

    /// Membership in a list uses cfn-guard's plain value equality: a regex element matches a
    /// string, but a range element matches nothing (`2 in [r[1,5]]` fails, `2 in r[1,5]` passes).
    private static func isMember(_ value: QueryValue, _ element: QueryValue) -> Bool {
        if case .literal(.range) = element { return false }
        return equal(value, element) == .yes
    }
}
