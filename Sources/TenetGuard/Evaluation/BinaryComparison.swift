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

    static func outcomes(_ op: BinaryOperator, lhs: EvaluatedOperand, rhs: EvaluatedOperand) -> [Outcome] {
        switch op {
        case .equal: equality(lhs: lhs, rhs: rhs)
        case .in: membership(lhs: lhs, rhs: rhs)
        default: ordering(op, lhs: lhs.results, rhs: rhs.results)
        }
    }

    // MARK: ==

    private static func equality(lhs: EvaluatedOperand, rhs: EvaluatedOperand) -> [Outcome] {
        switch (lhs, rhs) {
        case (.literal(let left), .literal(let right)):
            // Two rule literals compare whole: `%ten == [10]` is not comparable.
            let expected = QueryValue.literal(right)
            return [Outcome(answer: Answer(ValueComparison.equal(.literal(left), expected)), subject: .literal(left), expected: expected)]
        case (_, .literal(let literal)):
            return againstLiteral(lhs.results, literal: literal, swapped: false)
        case (.literal(let literal), .results(let results)):
            return againstLiteral(results, literal: literal, swapped: true)
        case (.results(let left), .results(let right)):
            return setEquality(left, right)
        }
    }

    /// A literal on one side: lists on the other side are flattened against a scalar, compared
    /// whole against a list, and a scalar matches a one-element list by its element.
    private static func againstLiteral(_ results: [QueryResult], literal: GuardValue, swapped: Bool) -> [Outcome] {
        let expected = QueryValue.literal(literal)
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(results.count)
        for result in results {
            guard case .resolved(let value) = result else {
                if case .unresolved(let unresolved) = result {
                    outcomes.append(Outcome(answer: .unresolved(unresolved), subject: nil, expected: expected))
                }
                continue
            }
            if case .list(let elements) = literal {
                if value.kind == .list {
                    outcomes.append(Outcome(answer: Answer(ValueComparison.equal(value, expected)), subject: value, expected: expected))
                } else if elements.count == 1 {
                    let element = QueryValue.literal(elements[0])
                    outcomes.append(Outcome(answer: Answer(ordered(value, element, swapped)), subject: value, expected: expected))
                } else {
                    outcomes.append(Outcome(answer: .notComparable, subject: value, expected: expected))
                }
            } else if value.kind == .list {
                for element in value.elements {
                    outcomes.append(Outcome(answer: Answer(ordered(element, expected, swapped)), subject: element, expected: expected))
                }
            } else {
                outcomes.append(Outcome(answer: Answer(ordered(value, expected, swapped)), subject: value, expected: expected))
            }
        }
        return outcomes
    }

    private static func ordered(_ value: QueryValue, _ literal: QueryValue, _ swapped: Bool) -> ComparisonAnswer {
        swapped ? ValueComparison.equal(literal, value) : ValueComparison.equal(value, literal)
    }

    /// Two queries: equal as sets, when every value of the larger side is found in the other.
    private static func setEquality(_ left: [QueryResult], _ right: [QueryResult]) -> [Outcome] {
        var outcomes = unresolvedOutcomes(left) + unresolvedOutcomes(right)
        let lhsValues = left.compactMap(\.value)
        let rhsValues = right.compactMap(\.value)
        guard !lhsValues.isEmpty, !rhsValues.isEmpty else { return outcomes }
        let leftIsLarger = lhsValues.count >= rhsValues.count
        let (larger, smaller) = leftIsLarger ? (lhsValues, rhsValues) : (rhsValues, lhsValues)
        let missing = larger.first { candidate in !smaller.contains { ValueComparison.equal(candidate, $0) == .yes } }
        if let missing {
            let subject = leftIsLarger ? missing : lhsValues[0]
            outcomes.append(Outcome(answer: .no, subject: subject, expected: leftIsLarger ? rhsValues[0] : missing))
        } else {
            outcomes.append(Outcome(answer: .yes, subject: lhsValues[0], expected: rhsValues[0]))
        }
        return outcomes
    }

    // MARK: in

    private static func membership(lhs: EvaluatedOperand, rhs: EvaluatedOperand) -> [Outcome] {
        switch (lhs, rhs) {
        case (_, .literal(let literal)):
            let container = QueryValue.literal(literal)
            var outcomes: [Outcome] = []
            for result in lhs.results {
                guard case .resolved(let value) = result else {
                    if case .unresolved(let unresolved) = result {
                        outcomes.append(Outcome(answer: .unresolved(unresolved), subject: nil, expected: container))
                    }
                    continue
                }
                if container.kind == .string, value.kind == .list {
                    // A list `in` a string: each element is a substring on its own. Against any
                    // other scalar the list as a whole is not comparable.
                    for element in value.elements {
                        outcomes.append(Outcome(answer: Answer(ValueComparison.contained(element, in: container)), subject: element, expected: container))
                    }
                } else {
                    outcomes.append(Outcome(answer: Answer(ValueComparison.contained(value, in: container)), subject: value, expected: container))
                }
            }
            return outcomes
        case (.literal(let literal), .results(let results)):
            let value = QueryValue.literal(literal)
            let containers = results.compactMap(\.value)
            var outcomes = unresolvedOutcomes(results)
            guard !containers.isEmpty else { return outcomes }
            let found = containers.contains { ValueComparison.contained(value, in: $0) == .yes }
            outcomes.append(Outcome(answer: found ? .yes : .no, subject: value, expected: containers[0]))
            return outcomes
        case (.results(let left), .results(let right)):
            // Unresolved right-hand values fail, and each left-hand value is still tested against
            // the resolved ones, even none: cfn-guard 3.x lets `some x not in Missing` pass.
            var outcomes = unresolvedOutcomes(left) + unresolvedOutcomes(right)
            let containers = right.compactMap(\.value)
            let expected = containers.count == 1 ? containers[0] : QueryValue.literal(.list(containers.map { $0.guardValue }))
            for case .resolved(let value) in left {
                let found = isContained(value, in: containers)
                outcomes.append(Outcome(answer: found ? .yes : .no, subject: value, expected: expected))
            }
            return outcomes
        }
    }

    /// A query value `in` the values of another query: found in (or equal to) any of them. A
    /// list value otherwise needs every element equal to a value or a list element on the right;
    /// substrings count only for a string value.
    private static func isContained(_ value: QueryValue, in containers: [QueryValue]) -> Bool {
        if containers.contains(where: { ValueComparison.contained(value, in: $0) == .yes }) { return true }
        guard value.kind == .list else { return false }
        let elements = value.elements
        return !elements.isEmpty && elements.allSatisfy { element in
            containers.contains { container in
                container.kind == .list
                    ? ValueComparison.contained(element, in: container) == .yes
                    : ValueComparison.equal(element, container) == .yes
            }
        }
    }

    // MARK: < <= > >=

    private static func ordering(_ op: BinaryOperator, lhs: [QueryResult], rhs: [QueryResult]) -> [Outcome] {
        var outcomes = unresolvedOutcomes(lhs)
        let left = flattened(lhs)
        let right = flattened(rhs)
        for case .unresolved(let unresolved) in rhs {
            for value in left { outcomes.append(Outcome(answer: .unresolved(unresolved), subject: value, expected: nil)) }
        }
        for value in left {
            for bound in right {
                outcomes.append(Outcome(answer: Answer(ValueComparison.order(value, bound, op)), subject: value, expected: bound))
            }
        }
        return outcomes
    }

    private static func flattened(_ results: [QueryResult]) -> [QueryValue] {
        var values: [QueryValue] = []
        for case .resolved(let value) in results {
            if value.kind == .list { values.append(contentsOf: value.elements) } else { values.append(value) }
        }
        return values
    }

    private static func unresolvedOutcomes(_ results: [QueryResult]) -> [Outcome] {
        var outcomes: [Outcome] = []
        for case .unresolved(let unresolved) in results {
            outcomes.append(Outcome(answer: .unresolved(unresolved), subject: nil, expected: nil))
        }
        return outcomes
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
