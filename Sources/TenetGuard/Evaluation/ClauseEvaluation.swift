import TenetDocument

/// The CNF algebra and the block forms: how clause statuses combine into block and rule statuses.
extension EvaluationSession {
    /// A conjunction evaluates every disjunction (no short-circuit): any FAIL fails, else any PASS
    /// passes, else SKIP.
    ///
    /// While muted (filters, `when` conditions) only PASS matters and no failure is reported, so
    /// the first FAIL ends the conjunction: the status is the same, and the benchmark's filters
    /// skip most of their clauses. The one observable difference is that a fatal error in a later
    /// clause is not raised (see docs/guard-compatibility.md).
    func evaluate(_ conjunction: Conjunction, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        var sawPass = false
        var sawFail = false
        for disjunction in conjunction {
            switch try evaluate(disjunction, this: this, scope: scope) {
            case .pass: sawPass = true
            case .fail:
                if muted > 0 { return .fail }
                sawFail = true
            case .skip: break
            }
        }
        return sawFail ? .fail : (sawPass ? .pass : .skip)
    }

    /// A disjunction stops at the first PASS (and forgets its alternatives' failures); otherwise
    /// FAIL over SKIP.
    func evaluate(_ disjunction: Disjunction, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        if disjunction.count == 1 { return try evaluate(disjunction[0], this: this, scope: scope) }
        let mark = failures.count
        var sawFail = false
        for clause in disjunction {
            switch try evaluate(clause, this: this, scope: scope) {
            case .pass:
                if failures.count > mark { failures.removeSubrange(mark...) }
                return .pass
            case .fail: sawFail = true
            case .skip: break
            }
        }
        return sawFail ? .fail : .skip
    }

    func evaluate(_ clause: Clause, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        // Blocks, rule references and calls nest; a bound keeps hostile rules off the end of a
        // worker thread's stack.
        guard clauseDepth < Self.maxClauseDepth else {
            throw evaluationError(
                "clauses, rule references and calls nest more than \(Self.maxClauseDepth) levels deep; expected flatter rules", at: clause.span)
        }
        clauseDepth += 1
        defer { clauseDepth -= 1 }
        switch clause {
        case .access(let access): return try evaluate(access, this: this, scope: scope)
        case .block(let block): return try evaluate(block, this: this, scope: scope)
        case .when(let when): return try evaluate(when, this: this, scope: scope)
        case .typeBlock(let typeBlock): return try evaluate(typeBlock, scope: scope)
        case .ruleReference(let reference): return try evaluate(reference)
        case .parameterizedCall(let call): return try evaluate(call, this: this, scope: scope)
        }
    }

    /// `query { body }`: the body runs with each value as `this`. Zero values SKIP (FAIL with
    /// `!empty`); a value the query could not reach fails.
    private func evaluate(_ block: BlockClause, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        let results = try resolve(block.query, this: this, scope: scope)
        if results.isEmpty {
            guard block.requiresValues else { return .skip }
            record(failure(FailedClause(span: block.span, operatorSpelling: "!empty", comparison: ("Empty", true)), subject: .none, reason: .noValues, at: this))
            return .fail
        }
        let mark = failures.count
        var statuses: [GuardStatus] = []
        statuses.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .unresolved(let unresolved):
                record(failure(
                    FailedClause(span: block.span, operatorSpelling: "{ }", comparison: ("Exists", false)), subject: .unresolved(unresolved),
                    reason: .unresolved(unresolved.cause), at: this))
                statuses.append(.fail)
            case .resolved(let value):
                statuses.append(try evaluate(block.body, this: value, scope: scope))
            }
        }
        let status = Self.aggregate(statuses, matchAll: block.query.matchAll)
        if status != .fail, failures.count > mark { failures.removeSubrange(mark...) }
        return status
    }

    /// Match-all: any FAIL fails, else any PASS passes, else SKIP. With `some`: any PASS passes.
    static func aggregate(_ statuses: [GuardStatus], matchAll: Bool) -> GuardStatus {
        if matchAll { return GuardStatus.conjunction(statuses) }
        if statuses.contains(.pass) { return .pass }
        return statuses.contains(.fail) ? .fail : .skip
    }

    /// A block's body with `this` as its root; a new scope only when the block declares variables.
    private func evaluate(_ body: ClauseBlock, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        let inner = body.bindings.isEmpty ? scope : VariableScope(parent: scope, bindings: body.bindingsByName, root: this)
        return try evaluate(body.conjunction, this: this, scope: inner)
    }

    /// `when conditions { body }`: conditions that do not PASS make the block SKIP.
    private func evaluate(_ when: WhenBlock, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        let gate = try muting { () throws(Diagnostic) in try evaluate(when.conditions, this: this, scope: scope) }
        guard gate == .pass else { return .skip }
        return try evaluate(when.body, this: this, scope: scope)
    }

    /// `AWS::S3::Bucket { … }`, sugar for `Resources.*[ Type == 'AWS::S3::Bucket' ] { … }` that
    /// SKIPs when no resource has the type. cfn-guard crashes when `Resources` is missing or
    /// empty; Tenet reports an error instead.
    private func evaluate(_ typeBlock: TypeBlock, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        guard let resources = scope.root.member("Resources"), resources.kind == .map, resources.count > 0 else {
            throw evaluationError(
                "the type block '\(typeBlock.typeName)' needs a non-empty 'Resources' map in the document; expected a CloudFormation template (guard it with a 'when' condition)",
                at: typeBlock.span)
        }
        let mark = failures.count
        var statuses: [GuardStatus] = []
        let ofType: [QueryValue] = if case .node(let map) = resources {
            resourceTypeIndexes.index(of: map).members(ofType: typeBlock.typeName).map { .node($0) }
        } else {
            resources.memberValues.filter { $0.member("Type")?.stringValue == typeBlock.typeName }
        }
        for resource in ofType {
            if let conditions = typeBlock.conditions,
               try muting({ () throws(Diagnostic) in try evaluate(conditions, this: resource, scope: scope) }) != .pass {
                statuses.append(.skip)
                continue
            }
            statuses.append(try evaluate(typeBlock.body, this: resource, scope: scope))
        }
        let status = GuardStatus.conjunction(statuses)
        if status != .fail, failures.count > mark { failures.removeSubrange(mark...) }
        return status
    }

    /// A named rule: PASS passes, FAIL or SKIP fails; `not` inverts.
    private func evaluate(_ reference: RuleReference) throws(Diagnostic) -> GuardStatus {
        let referenced = try referencedStatus(reference.name, at: reference.span)
        let passes = (referenced == .pass) != reference.negated
        if !passes {
            record(failure(
                FailedClause(
                    span: reference.span, operatorSpelling: reference.negated ? "not \(reference.name)" : reference.name,
                    comparison: ("Rule", reference.negated), message: reference.message),
                subject: .none, reason: .rule(name: reference.name, status: referenced), at: nil))
        }
        return passes ? .pass : .fail
    }

    /// `name(args)`: the body runs at the caller's `this`, with the arguments bound to the
    /// parameters in a scope inside the caller's. A leading `not` is ignored, as in cfn-guard.
    private func evaluate(_ call: ParameterizedCall, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        guard let index = file.parameterizedRulesByName[call.name] else {
            throw evaluationError("there is no parameterized rule named '\(call.name)'; expected 'rule \(call.name)(…)' in this file", at: call.span)
        }
        let rule = file.parameterizedRules[index]
        guard rule.parameters.count == call.arguments.count else {
            throw evaluationError(
                "'\(call.name)' takes \(rule.parameters.count) argument\(rule.parameters.count == 1 ? "" : "s"), found \(call.arguments.count)",
                at: call.span)
        }
        var arguments: [String: EvaluatedOperand] = [:]
        for (name, argument) in zip(rule.parameters, call.arguments) {
            // An argument is a value inside the rule, not a literal of it: `%p == ""` with `[]`
            // compares the list's elements, as cfn-guard does.
            arguments[name] = .results(try evaluate(argument, this: this, scope: scope).results)
        }
        let callScope = VariableScope(parent: scope, arguments: arguments, root: this)
        // A parameterized rule may call itself; cfn-guard recurses until its stack overflows.
        guard parameterizedCallDepth < Self.maxParameterizedCallDepth else {
            throw evaluationError(
                "parameterized rules call each other more than \(Self.maxParameterizedCallDepth) levels deep; expected calls that end", at: call.span)
        }
        parameterizedCallDepth += 1
        defer { parameterizedCallDepth -= 1 }
        return try evaluate(rule.body, this: this, scope: callScope)
    }

    func failure(
        _ clause: FailedClause, subject: ClauseFailure.Subject, expected: QueryValue? = nil, reason: FailureReason.Kind, at context: QueryValue?
    ) -> ClauseFailure {
        ClauseFailure(
            rule: currentRule, failedClause: clause, subject: subject, expected: expected, failureReason: FailureReason(reason), context: context,
            root: documentRoot)
    }
}
