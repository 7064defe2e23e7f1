import TenetDocument

/// The per-value outcomes of a binary clause, following cfn-guard's shape rules for `==` and
/// `in` (literal right-hand sides, one-element lists, query-against-query sets) and the flattening
/// of lists for the ordering operators.
enum BinaryComparison {
    enum Answer {
        case yes
        case no
        case notComparable
        case unresolved(UnresolvedQuery)

        init(_ answer: ComparisonAnswer) {
            switch answer {
            case .yes: self = .yes
            case .no: self = .no
            case .notComparable: self = .notComparable
            }
        }

        /// Negation inverts a real answer; unresolved and incomparable values fail either way.
        func passes(negated: Bool) -> Bool {
            switch self {
            case .yes: !negated
            case .no: negated
            case .notComparable, .unresolved: false
            }
        }
    }

    struct Outcome {
        var answer: Answer
        /// The value the outcome is about (left-hand, unless only the right-hand side could say).
        var subject: QueryValue?
        var expected: QueryValue?
    }

    /// Calls `emit` with each outcome, in order; a closure rather than an array because this
    /// runs for every filter candidate of every rule.
    static func forEachOutcome(_ op: BinaryOperator, lhs: EvaluatedOperand, rhs: EvaluatedOperand, _ emit: (Outcome) -> Void) {
        switch op {
        case .equal: equality(lhs: lhs, rhs: rhs, emit)
        case .in: membership(lhs: lhs, rhs: rhs, emit)
        default: ordering(op, lhs: lhs.results, rhs: rhs.results, emit)
        }
    }

    // MARK: ==

    private static func equality(lhs: EvaluatedOperand, rhs: EvaluatedOperand, _ emit: (Outcome) -> Void) {
        switch (lhs, rhs) {
        case (.literal(let left), .literal(let right)):
            // Two rule literals compare whole: `%ten == [10]` is not comparable.
            let expected = QueryValue.literal(right)
            emit(Outcome(answer: Answer(ValueComparison.equal(.literal(left), expected)), subject: .literal(left), expected: expected))
        case (_, .literal(let literal)):
            againstLiteral(lhs.results, literal: literal, swapped: false, emit)
        case (.literal(let literal), .results(let results)):
            againstLiteral(results, literal: literal, swapped: true, emit)
        case (.results(let left), .results(let right)):
            setEquality(left, right, emit)
        }
    }

    /// A literal on one side: lists on the other side are flattened against a scalar, compared
    /// whole against a list, and a scalar matches a one-element list by its element.
    private static func againstLiteral(_ results: [QueryResult], literal: GuardValue, swapped: Bool, _ emit: (Outcome) -> Void) {
        let expected = QueryValue.literal(literal)
        for result in results {
            guard case .resolved(let value) = result else {
                if case .unresolved(let unresolved) = result {
                    emit(Outcome(answer: .unresolved(unresolved), subject: nil, expected: expected))
                }
                continue
            }
            if case .list(let elements) = literal {
                if value.kind == .list {
                    emit(Outcome(answer: Answer(ValueComparison.equal(value, expected)), subject: value, expected: expected))
                } else if elements.count == 1 {
                    let element = QueryValue.literal(elements[0])
                    emit(Outcome(answer: Answer(ordered(value, element, swapped)), subject: value, expected: expected))
                } else {
                    emit(Outcome(answer: .notComparable, subject: value, expected: expected))
                }
            } else if value.kind == .list {
                for element in value.elements {
                    emit(Outcome(answer: Answer(ordered(element, expected, swapped)), subject: element, expected: expected))
                }
            } else {
                emit(Outcome(answer: Answer(ordered(value, expected, swapped)), subject: value, expected: expected))
            }
        }
        return
    }

    private static func ordered(_ value: QueryValue, _ literal: QueryValue, _ swapped: Bool) -> ComparisonAnswer {
        swapped ? ValueComparison.equal(literal, value) : ValueComparison.equal(value, literal)
    }

    /// Two queries: equal as sets, when every value of the larger side is found in the other.
    private static func setEquality(_ left: [QueryResult], _ right: [QueryResult], _ emit: (Outcome) -> Void) {
        emitUnresolved(left, emit)
        emitUnresolved(right, emit)
        let lhsValues = left.compactMap(\.value)
        let rhsValues = right.compactMap(\.value)
        guard !lhsValues.isEmpty, !rhsValues.isEmpty else { return }
        if lhsValues.count == 1, rhsValues.count == 1 {
            // One value each: a plain comparison, so values of different types are incomparable
            // (`%flag.* != to_upper('a')` fails under both `==` and `!=`).
            emit(Outcome(answer: Answer(ValueComparison.equal(lhsValues[0], rhsValues[0])), subject: lhsValues[0], expected: rhsValues[0]))
            return
        }
        let leftIsLarger = lhsValues.count >= rhsValues.count
        let (larger, smaller) = leftIsLarger ? (lhsValues, rhsValues) : (rhsValues, lhsValues)
        let missing = larger.first { candidate in !smaller.contains { ValueComparison.equal(candidate, $0) == .yes } }
        if let missing {
            let subject = leftIsLarger ? missing : lhsValues[0]
            emit(Outcome(answer: .no, subject: subject, expected: leftIsLarger ? rhsValues[0] : missing))
        } else {
            emit(Outcome(answer: .yes, subject: lhsValues[0], expected: rhsValues[0]))
        }
        return
    }

    // MARK: in

    private static func membership(lhs: EvaluatedOperand, rhs: EvaluatedOperand, _ emit: (Outcome) -> Void) {
        switch (lhs, rhs) {
        case (.literal(let left), .literal(let right)):
            // Two rule literals compare whole: a literal list `in` a string is not comparable.
            let value = QueryValue.literal(left)
            let container = QueryValue.literal(right)
            emit(Outcome(answer: Answer(ValueComparison.contained(value, in: container)), subject: value, expected: container))
        case (_, .literal(let literal)):
            let container = QueryValue.literal(literal)
            for result in lhs.results {
                guard case .resolved(let value) = result else {
                    if case .unresolved(let unresolved) = result {
                        emit(Outcome(answer: .unresolved(unresolved), subject: nil, expected: container))
                    }
                    continue
                }
                if container.kind == .string, value.kind == .list {
                    // A list `in` a string: each element is a substring on its own. Against any
                    // other scalar the list as a whole is not comparable.
                    for element in value.elements {
                        emit(Outcome(answer: Answer(ValueComparison.contained(element, in: container)), subject: element, expected: container))
                    }
                } else {
                    emit(Outcome(answer: Answer(ValueComparison.contained(value, in: container)), subject: value, expected: container))
                }
            }
            return
        case (.literal(let literal), .results(let results)):
            let value = QueryValue.literal(literal)
            let containers = results.compactMap(\.value)
            emitUnresolved(results, emit)
            guard !containers.isEmpty else { return }
            if value.kind == .list, containers.allSatisfy({ $0.kind != .list && $0.kind != .map }) {
                // A literal list against scalar values is `in` when every element equals one of
                // them (an empty list always is); otherwise it is neither `in` nor `not in`
                // (cfn-guard 3.0.1).
                let contained = value.elements.allSatisfy { element in containers.contains { ValueComparison.equal(element, $0) == .yes } }
                emit(Outcome(answer: contained ? .yes : .notComparable, subject: value, expected: containers[0]))
                return
            }
            // Found in one value is `in`; not comparable with some and found in none is neither.
            let answers = containers.map { ValueComparison.contained(value, in: $0, substrings: false) }
            let answer: ComparisonAnswer = answers.contains(.yes) ? .yes : (answers.contains(.notComparable) ? .notComparable : .no)
            emit(Outcome(answer: Answer(answer), subject: value, expected: containers[0]))
            return
        case (.results(let left), .results(let right)):
            // Unresolved right-hand values fail, and each left-hand value is still tested against
            // the resolved ones, even none: cfn-guard 3.x lets `some x not in Missing` pass.
            emitUnresolved(left, emit)
            emitUnresolved(right, emit)
            let containers = right.compactMap(\.value)
            let expected = containers.count == 1 ? containers[0] : QueryValue.literal(.list(containers.map { $0.guardValue }))
            for case .resolved(let value) in left {
                let found = isContained(value, in: containers)
                emit(Outcome(answer: found ? .yes : .no, subject: value, expected: expected))
            }
            return
        }
    }

    /// A query value `in` the values of another query: equal to one of them or a member of one.
    /// A list value otherwise needs every element equal to a value or a list element on the right.
    private static func isContained(_ value: QueryValue, in containers: [QueryValue]) -> Bool {
        if containers.contains(where: { ValueComparison.contained(value, in: $0, substrings: false) == .yes }) { return true }
        guard value.kind == .list else { return false }
        let elements = value.elements
        return !elements.isEmpty && elements.allSatisfy { element in
            containers.contains { container in
                container.kind == .list
                    ? ValueComparison.contained(element, in: container, substrings: false) == .yes
                    : ValueComparison.equal(element, container) == .yes
            }
        }
    }

    // MARK: < <= > >=

    private static func ordering(_ op: BinaryOperator, lhs: [QueryResult], rhs: [QueryResult], _ emit: (Outcome) -> Void) {
        emitUnresolved(lhs, emit)
        let left = flattened(lhs)
        let right = flattened(rhs)
        for case .unresolved(let unresolved) in rhs {
            for value in left { emit(Outcome(answer: .unresolved(unresolved), subject: value, expected: nil)) }
        }
        for value in left {
            for bound in right {
                emit(Outcome(answer: Answer(ValueComparison.order(value, bound, op)), subject: value, expected: bound))
            }
        }
        return
    }

    private static func flattened(_ results: [QueryResult]) -> [QueryValue] {
        var values: [QueryValue] = []
        for case .resolved(let value) in results {
            if value.kind == .list { values.append(contentsOf: value.elements) } else { values.append(value) }
        }
        return values
    }

    private static func emitUnresolved(_ results: [QueryResult], _ emit: (Outcome) -> Void) {
        for case .unresolved(let unresolved) in results {
            emit(Outcome(answer: .unresolved(unresolved), subject: nil, expected: nil))
        }
    }
}

extension QueryValue {
    /// The value as a rule-side value, for reports that show several values as one list.
    var guardValue: GuardValue {
        switch self {
        case .literal(let value): value
        default: Self.convert(documentValue)
        }
    }

    private static func convert(_ value: Value) -> GuardValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .float(let number): .float(number)
        case .string(let text): .string(text)
        case .list(let elements): .list(elements.map(convert))
        case .map(let entries): .map(entries.map { GuardValue.MapEntry(key: $0.key, value: convert($0.value)) })
        }
    }
}
