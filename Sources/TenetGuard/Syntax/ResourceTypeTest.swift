/// The leading clauses of a filter that read nothing of a candidate but its `Type`, as in the
/// managed rules' `Resources.*[ Type == 'AWS::S3::Bucket' … ]`.
///
/// Every managed rule filters all of a template's resources this way, so with 20,000 resources
/// the filters were most of the evaluation. The status of these clauses depends on the `Type`
/// string alone, so the evaluator decides them once per distinct type (`ResourceTypeIndex`) and
/// evaluates only `remainder` per resource.
struct ResourceTypeTest: Sendable {
    /// The filter's first disjunction: clauses on `Type` compared with literals or variables,
    /// whose values do not depend on the candidate.
    let clauses: Disjunction
    /// The filter's other disjunctions, evaluated per resource.
    let remainder: Conjunction
    /// The statuses learnt so far, when `clauses` compare with literals only; nil when a clause
    /// reads a variable, whose value may differ from one document to the next.
    let statusesByType: ResourceTypeStatuses?

    /// Nil when the filter does not start with such clauses.
    init?(filter conjunction: Conjunction) {
        guard let first = conjunction.first, first.allSatisfy({ Self.typeOperand(of: $0) != nil }) else { return nil }
        clauses = first
        remainder = Array(conjunction.dropFirst())
        statusesByType = first.allSatisfy({ Self.typeOperand(of: $0) == .literal }) ? ResourceTypeStatuses() : nil
    }

    private enum TypeOperand {
        /// A literal or no operand at all (`Type exists`).
        case literal
        case variable
    }

    /// What a clause on `Type` alone compares it with; nil for any other clause.
    private static func typeOperand(of clause: Clause) -> TypeOperand? {
        guard case .access(let access) = clause, access.query.parts.count == 1,
              case .key("Type", _) = access.query.parts[0] else { return nil }
        switch access.comparison {
        case .unary, .binary(_, _, .literal): return .literal
        case .binary(_, _, .query(let query)): return query.isVariableValues ? .variable : nil
        case .binary(_, _, .function): return nil
        }
    }
}
