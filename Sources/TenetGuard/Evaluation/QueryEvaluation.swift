import TenetDocument

/// Walking a query's parts from a starting value to the list of results a clause tests.
extension EvaluationSession {
    func resolve(_ query: Query, this: QueryValue, scope: VariableScope) throws(Diagnostic) -> [QueryResult] {
        var current: [QueryResult]
        // The case convention each result's path settled on (cfn-guard retries only that one
        // for later keys once a converted key was found); nil until one is.
        var conventions: [Int?]
        var index: Int
        if case .variable(let name) = query.parts[0] {
            current = try variable(name, scope: scope, at: query.span).results
            conventions = [Int?](repeating: nil, count: current.count)
            index = 1
            // cfn-guard 3.0.1 takes a variable's values as they are: a `[*]` right after the
            // variable does not iterate list values, and `.key` on a list value is unresolved.
            if query.parts.count > 1, case .allIndices = query.parts[1] { index = 2 }
        } else {
            var value = this
            var convention: Int?
            index = if case .this = query.parts[0] { 1 } else { 0 }
            if let miss = followKeys(of: query, from: &index, value: &value, convention: &convention) { return [miss] }
            // A query of keys alone (`Properties.Tags`, a filter's `Key`) is done: no conventions to carry.
            if index == query.parts.count { return [.resolved(value)] }
            current = [.resolved(value)]
            conventions = [convention]
        }
        while index < query.parts.count {
            let part = query.parts[index]
            // A run of keys (`%buckets.Properties.A.B`): each value is walked through the whole
            // run, instead of building a new list of results per key. The results go to a new
            // list rather than replacing the old in place: the old is often a variable's cached
            // values, which replacing would first copy whole.
            if case .key = part {
                var end = index + 1
                while end < query.parts.count, case .key = query.parts[end] { end += 1 }
                var followed: [QueryResult] = []
                followed.reserveCapacity(current.count)
                for position in current.indices {
                    guard case .resolved(var value) = current[position] else {
                        followed.append(current[position])
                        continue
                    }
                    var partIndex = index
                    followed.append(followKeys(of: query, from: &partIndex, value: &value, convention: &conventions[position]) ?? .resolved(value))
                }
                current = followed
                index = end
                continue
            }
            let typeTest = query.resourceTypeTests[index + 1]
            var next: [QueryResult] = []
            var nextConventions: [Int?] = []
            next.reserveCapacity(current.count)
            nextConventions.reserveCapacity(current.count)
            for (result, inherited) in zip(current, conventions) {
                var convention = inherited
                if case .resolved(let value) = result {
                    if let typeTest {
                        try applyTypeFilteredValues(typeTest, at: index, of: query, to: value, scope: scope, into: &next)
                    } else {
                        try apply(part, at: index, of: query, to: value, scope: scope, convention: &convention, into: &next)
                    }
                } else {
                    next.append(result)
                }
                nextConventions.append(contentsOf: repeatElement(convention, count: next.count - nextConventions.count))
            }
            current = next
            conventions = nextConventions
            index += typeTest == nil ? 1 : 2
        }
        return current
    }

    /// Follows the key parts from `index` on, from one value, without building arrays: the common
    /// chain `Properties.A.B`. At the first miss it returns the unresolved result, which ends the
    /// query, since later parts pass an unresolved result through unchanged.
    private func followKeys(of query: Query, from index: inout Int, value: inout QueryValue, convention: inout Int?) -> QueryResult? {
        while index < query.parts.count, case .key(let key, let spellings) = query.parts[index] {
            guard let member = member(key, spellings: spellings, of: value, convention: &convention) else {
                let cause: UnresolvedCause = value.kind == .map ? .missingKey(key) : .noKeys(value.kind)
                return .unresolved(UnresolvedQuery(traversedTo: value, query: query, partIndex: index, cause: cause))
            }
            value = member
            index += 1
        }
        return nil
    }

    /// `.*[ Type == … ]` (part `index` and the filter after it) on one value: for a map in a
    /// document, the type clauses are decided once per type from the shared index, and only the
    /// members of types that pass are filtered further; anything else takes the two parts in turn.
    private func applyTypeFilteredValues(
        _ test: ResourceTypeTest, at index: Int, of query: Query, to value: QueryValue, scope: VariableScope,
        into results: inout [QueryResult]
    ) throws(Diagnostic) {
        let filterIndex = index + 1
        var convention: Int?
        guard case .node(let map) = value, map.kind == .map, map.count > 0 else {
            var members: [QueryResult] = []
            try apply(query.parts[index], at: index, of: query, to: value, scope: scope, convention: &convention, into: &members)
            for member in members {
                guard case .resolved(let memberValue) = member else {
                    results.append(member)
                    continue
                }
                try apply(query.parts[filterIndex], at: filterIndex, of: query, to: memberValue, scope: scope, convention: &convention, into: &results)
            }
            return
        }
        let typeIndex = resourceTypeIndexes.index(of: map)
        // Each candidate's position with the status of the type clauses for its type; nil for an
        // untyped member, filtered clause by clause.
        var candidates: [(position: Int32, typeStatus: GuardStatus?)] = typeIndex.untyped.map { ($0, nil) }
        var sources = candidates.isEmpty ? 0 : 1
        for group in typeIndex.groups {
            let status = try typeStatus(test, of: group, in: typeIndex, scope: scope)
            // Muted, a conjunction stops at its first FAIL: the rest of the filter is not evaluated.
            guard status != .fail else { continue }
            candidates.append(contentsOf: group.positions.lazy.map { ($0, status) })
            sources += 1
        }
        if sources > 1 { candidates.sort { $0.position < $1.position } }
        for (position, typeStatus) in candidates {
            let member = typeIndex.member(at: position)
            guard let typeStatus else {
                try apply(query.parts[filterIndex], at: filterIndex, of: query, to: .node(member), scope: scope, convention: &convention, into: &results)
                continue
            }
            let remainderStatus = test.remainder.isEmpty
                ? GuardStatus.skip
                : try muting { () throws(Diagnostic) in try evaluate(test.remainder, this: .node(member), scope: scope) }
            if GuardStatus.conjunction([typeStatus, remainderStatus]) == .pass { results.append(.resolved(.node(member))) }
        }
    }

    private func apply(
        _ part: QueryPart, at index: Int, of query: Query, to value: QueryValue, scope: VariableScope,
        convention: inout Int?, into results: inout [QueryResult]
    ) throws(Diagnostic) {
        func unresolved(_ cause: UnresolvedCause) -> QueryResult {
            .unresolved(UnresolvedQuery(traversedTo: value, query: query, partIndex: index, cause: cause))
        }
        switch part {
        case .key(let key, let spellings):
            if let member = member(key, spellings: spellings, of: value, convention: &convention) {
                results.append(.resolved(member))
            } else {
                results.append(unresolved(value.kind == .map ? .missingKey(key) : .noKeys(value.kind)))
            }
        case .index(let position):
            if let element = value.element(position) {
                results.append(.resolved(element))
            } else {
                results.append(unresolved(value.kind == .list ? .missingIndex(position) : .noIndices(value.kind)))
            }
        case .allValues:
            switch value.kind {
            case .map:
                let members = value.memberValues
                if members.isEmpty { results.append(unresolved(.emptyContainer)) }
                for member in members { results.append(.resolved(member)) }
            case .list:
                if value.count == 0 { results.append(unresolved(.emptyContainer)) }
                for element in value.elements { results.append(.resolved(element)) }
            default:
                results.append(.resolved(value))
            }
        case .allIndices:
            if value.kind == .list {
                if value.count == 0 { results.append(unresolved(.emptyContainer)) }
                for element in value.elements { results.append(.resolved(element)) }
            } else {
                // "To be or not to be an array": a single value passes through `[*]`.
                results.append(.resolved(value))
            }
        case .this:
            results.append(.resolved(value))
        case .variable(let name):
            results.append(contentsOf: try variable(name, scope: scope, at: query.span).results)
        case .keyFromVariable(let name):
            // cfn-guard reads `.%v[N]` as one part: a variable with no values, or one that is
            // neither a string nor a map, then leaves the query unresolved instead of empty or
            // in error.
            var indexFollows = false
            if index + 1 < query.parts.count, case .index = query.parts[index + 1] { indexFollows = true }
            let keys = try interpolatedKeys(name, scope: scope, span: query.span, lenient: indexFollows)
            if keys.isEmpty, indexFollows {
                results.append(unresolved(.unresolvedVariable(name)))
            }
            for key in keys {
                // A variable value that did not resolve leaves the query unresolved, as in cfn-guard.
                guard let key else {
                    results.append(unresolved(.unresolvedVariable(name)))
                    continue
                }
                if let member = value.member(key) {
                    results.append(.resolved(member))
                } else {
                    results.append(unresolved(value.kind == .map ? .missingKey(key) : .noKeys(value.kind)))
                }
            }
        case .filter(_, let conjunction):
            guard let candidates = filterCandidates(value, after: index > 0 ? query.parts[index - 1] : nil) else {
                results.append(unresolved(.notFilterable(value.kind)))
                return
            }
            for candidate in candidates {
                let status = try muting { () throws(Diagnostic) in try evaluate(conjunction, this: candidate, scope: scope) }
                if status == .pass { results.append(.resolved(candidate)) }
            }
        case .mapKeyFilter(let op, let negated, let operand):
            guard value.kind == .map else {
                results.append(unresolved(.noKeys(value.kind)))
                return
            }
            let rhs = try evaluate(operand, this: value, scope: scope)
            guard !rhs.isEmpty else { return }
            for (key, member) in value.entries {
                var passed = 0
                var failed = 0
                BinaryComparison.forEachOutcome(op, lhs: .results([.resolved(.literal(.string(key)))]), rhs: rhs) { outcome in
                    if outcome.answer.passes(negated: negated) { passed += 1 } else { failed += 1 }
                }
                if passed > 0, failed == 0 { results.append(.resolved(member)) }
            }
        }
    }

    /// The status of the type clauses for the resources of one group, decided at the first of
    /// them (muted, as the filter is), or known from an earlier document. Past the nesting bound
    /// it is decided again, so that the error is raised as before.
    private func typeStatus(_ test: ResourceTypeTest, of group: ResourceTypeIndex.Group, in typeIndex: ResourceTypeIndex, scope: VariableScope) throws(Diagnostic) -> GuardStatus {
        let decide = { () throws(Diagnostic) -> GuardStatus in
            let representative = QueryValue.node(typeIndex.member(at: group.positions[0]))
            return try self.muting { () throws(Diagnostic) in try self.evaluate(test.clauses, this: representative, scope: scope) }
        }
        guard let statuses = test.statusesByType, clauseDepth < Self.maxClauseDepth else { return try decide() }
        return try statuses.status(ofType: group.type, deciding: decide)
    }

    /// The member under `key`, retried under other case conventions on a miss, as cfn-guard does:
    /// every convention in order until one finds it, and after that only the one that did. A node
    /// of the document is looked up by key id; a parameter's, or a literal, by spelling.
    func member(_ key: String, spellings: KeySpellings, of value: QueryValue, convention: inout Int?) -> QueryValue? {
        if case .node(let node) = value, node.document === documentKeys.document {
            return documentKeys.member(key, spellings: spellings, of: node, convention: &convention).map(QueryValue.node)
        }
        if let member = value.member(key) { return member }
        return spellings.retries.member(convention: &convention, find: value.member)
    }

    /// What a filter tests, as cfn-guard 3.0.1 chooses: each element after `[*]` (scalars too);
    /// the elements of a list; the values of a map reached by a key, but a map reached by `.*`,
    /// a variable or another filter as one candidate; a scalar value of a variable as itself. A
    /// scalar anywhere else cannot be filtered (nil: the result is unresolved).
    private func filterCandidates(_ value: QueryValue, after previous: QueryPart?) -> [QueryValue]? {
        if case .allIndices = previous { return [value] }
        switch value.kind {
        case .list:
            return value.elements
        case .map:
            switch previous {
            case .allValues, .variable, .filter, .mapKeyFilter, nil: return [value]
            default: return value.memberValues
            }
        default:
            if case .variable = previous { return [value] }
            return nil
        }
    }

    /// The keys a variable supplies; nil for each of its values that did not resolve.
    private func interpolatedKeys(_ name: String, scope: VariableScope, span: SourceSpan, lenient: Bool) throws(Diagnostic) -> [String?] {
        var keys: [String?] = []
        for result in try variable(name, scope: scope, at: span).results {
            guard case .resolved(let value) = result else {
                keys.append(nil)
                continue
            }
            if let key = value.stringValue {
                keys.append(key)
            } else if value.kind == .list, value.elements.allSatisfy({ $0.stringValue != nil }) {
                keys.append(contentsOf: value.elements.compactMap(\.stringValue))
            } else if lenient, value.kind != .map {
                keys.append(nil)
            } else {
                throw evaluationError("%\(name) holds a \(value.kind), which cannot be used as a key; expected strings", at: span)
            }
        }
        return keys
    }
}
