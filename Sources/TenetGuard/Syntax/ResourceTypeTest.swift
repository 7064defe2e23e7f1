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

    /// Nil when the filter does not start with such clauses.
    init?(filter conjunction: Conjunction) {
        guard let first = conjunction.first, first.allSatisfy(Self.readsTypeOnly) else { return nil }
        clauses = first
        remainder = Array(conjunction.dropFirst())
    }

    private static func readsTypeOnly(_ clause: Clause) -> Bool {
        guard case .access(let access) = clause, access.query.parts.count == 1,
              case .key("Type", _) = access.query.parts[0] else { return false }
        switch access.comparison {
        case .unary: return true
        case .binary(_, _, .literal): return true
        case .binary(_, _, .query(let query)): return query.isVariableValues
        case .binary(_, _, .function): return false
        }
    }
}
