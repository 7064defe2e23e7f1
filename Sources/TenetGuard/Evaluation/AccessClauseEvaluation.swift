import TenetDocument

/// `query OP [rhs]`: per-value outcomes folded into one status, with a failure recorded for each
/// value that failed.
extension EvaluationSession {
    func evaluate(_ clause: AccessClause, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        switch clause.comparison {
        case .unary(let op, let negated):
            return try evaluateUnary(clause, op, negated: negated != clause.leadingNot, this: this, scope: scope)
        case .binary(let op, let negated, let rhs):
            return try evaluateBinary(clause, op, negated: negated, rhs: rhs, this: this, scope: scope)
        }
    }

    private func evaluateUnary(
        _ clause: AccessClause, _ op: UnaryOperator, negated: Bool, this: QueryValue, scope: VariableScope
    ) throws(Diagnostic) -> GuardStatus {
        let results = try evaluateQueryOperand(clause.query, this: this, scope: scope).results
        // cfn-guard tests the result list as a whole for `empty` on a bare variable or a query
        // ending in a filter: no results is empty, an unresolved or null result is empty.
        let testsResultList = op == .empty && (clause.query.isBareVariable || clause.query.endsInFilter)
        if results.isEmpty {
            guard testsResultList else { return .skip }
            if negated {
                record(failure(clause.failedClause, subject: .none, reason: .noValues, at: this))
                return .fail
            }
            return .pass
        }
        var passed = 0
        var failed = 0
        let mark = failures.count
        for result in results {
            let holds: Bool
            if testsResultList {
                if case .resolved(let value) = result { holds = value.isNull } else { holds = true }
            } else {
                holds = try unaryTest(op, result, clause: clause)
            }
            if holds != negated {
                passed += 1
            } else {
                failed += 1
                let subject: ClauseFailure.Subject
                switch result {
                case .resolved(let value): subject = .value(value)
                case .unresolved(let unresolved): subject = .unresolved(unresolved)
                }
                record(failure(clause.failedClause, subject: subject, reason: .unary(op, negated: negated), at: this))
            }
        }
        return finish(passed: passed, failed: failed, matchAll: clause.query.matchAll, mark: mark)
    }

    private func unaryTest(_ op: UnaryOperator, _ result: QueryResult, clause: AccessClause) throws(Diagnostic) -> Bool {
        guard case .resolved(let value) = result else { return op == .empty }
        switch op {
        case .exists: return true
        case .empty:
            switch value.kind {
            case .list, .map: return value.count == 0
            case .string: return value.stringValue?.isEmpty ?? false
            case .bool: return false
            default:
                throw evaluationError("'empty' cannot test a \(value.kind) value (at \(value.path(relativeTo: documentRoot)?.description ?? "a literal")); expected a string, list or map", at: clause.span)
            }
        case .isString: return value.kind == .string
        case .isList: return value.kind == .list
        case .isStruct: return value.kind == .map
        case .isBool: return value.kind == .bool
        case .isInt: return value.kind == .int
        case .isFloat: return value.kind == .float
        case .isNull: return value.kind == .null
        }
    }

    private func evaluateBinary(
        _ clause: AccessClause, _ op: BinaryOperator, negated: Bool, rhs: Operand, this: QueryValue, scope: VariableScope
    ) throws(Diagnostic) -> GuardStatus {
        // Both sides are evaluated before either is found empty, so an error on the right (a
        // `join` of unresolved values) stops the evaluation as it does in cfn-guard.
        let lhs = try evaluateQueryOperand(clause.query, this: this, scope: scope)
        let right = try evaluate(rhs, this: this, scope: scope)
        if lhs.isEmpty || right.isEmpty { return .skip }
        var passed = 0
        var failed = 0
        let mark = failures.count
        BinaryComparison.forEachOutcome(op, lhs: lhs, rhs: right) { outcome in
            if outcome.answer.passes(negated: negated) {
                passed += 1
                return
            }
            failed += 1
            guard muted == 0 else { return }
            let spelling = clause.failedClause.operatorSpelling
            let subject: ClauseFailure.Subject
            let reason: FailureReason.Kind
            switch outcome.answer {
            case .unresolved(let unresolved):
                subject = .unresolved(unresolved)
                reason = .unresolved(unresolved.cause)
            case .notComparable:
                subject = outcome.subject.map { .value($0) } ?? .none
                reason = .notComparable(operatorSpelling: spelling)
            case .yes, .no:
                subject = outcome.subject.map { .value($0) } ?? .none
                reason = .unsatisfied(operatorSpelling: spelling)
            }
            record(failure(clause.failedClause, subject: subject, expected: outcome.expected, reason: reason, at: this))
        }
        return finish(passed: passed, failed: failed, matchAll: clause.query.matchAll, mark: mark)
    }

    /// Match-all: any failing value fails the clause. With `some`, one passing value passes it,
    /// and the other values' failures are forgotten.
    private func finish(passed: Int, failed: Int, matchAll: Bool, mark: Int) -> GuardStatus {
        let status: GuardStatus = matchAll ? (failed > 0 ? .fail : .pass) : (passed > 0 ? .pass : .fail)
        if status == .pass, failures.count > mark { failures.removeSubrange(mark...) }
        return status
    }

    /// A query as an operand: a bare `%var` (or `%var[*]`, the same values) bound to a literal
    /// stays a literal, which changes how `==` and `in` compare it.
    func evaluateQueryOperand(_ query: Query, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> EvaluatedOperand {
        if query.isVariableValues, case .variable(let name) = query.parts[0] {
            return try variable(name, scope: scope, at: query.span)
        }
        return .results(try resolve(query, this: this, scope: scope))
    }

    func evaluate(_ operand: Operand, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> EvaluatedOperand {
        switch operand {
        case .literal(let value): return .literal(value)
        case .query(let query): return try evaluateQueryOperand(query, this: this, scope: scope)
        case .function(let call): return .results(try evaluate(call, this: this, scope: scope))
        }
    }

    /// A variable's value, evaluated on first use against the root of the scope that declares it.
    func variable(_ name: String, scope: VariableScope, at span: SourceSpan) throws(Diagnostic) -> EvaluatedOperand {
        switch scope.lookup(name) {
        case nil:
            throw evaluationError("the variable %\(name) is not defined; expected 'let \(name) = …' in this rule or file", at: span)
        case .value(let value):
            return value
        case .unevaluated(let binding, let owner):
            guard !owner.inProgress.contains(name) else {
                throw evaluationError("the variable %\(name) is defined in terms of itself", at: binding.span)
            }
            owner.inProgress.insert(name)
            defer { owner.inProgress.remove(name) }
            var value = try evaluate(binding.value, this: owner.root, scope: owner)
            // In a `let`, `some` drops the values the query could not reach.
            if case .query(let query) = binding.value, !query.matchAll, case .results(let results) = value {
                value = .results(results.filter { $0.value != nil })
            }
            owner.store(value, for: name)
            return value
        }
    }
}
