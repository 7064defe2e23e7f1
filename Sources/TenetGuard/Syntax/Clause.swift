/// A conjunction of disjunctions: the shape of every rule body, block, filter and `when` condition.
/// Conjuncts are written on separate lines (or separated by whitespace in conditions); `or` joins
/// the clauses of one disjunction.
public typealias Conjunction = [Disjunction]
public typealias Disjunction = [Clause]

/// The right-hand side of a binary clause, an argument of a function or a parameterized-rule call,
/// or the value of a `let`.
public indirect enum Operand: Sendable {
    case literal(GuardValue)
    case query(Query)
    case function(FunctionCall)
}

public final class FunctionCall: Sendable {
    public let function: GuardFunction
    public let arguments: [Operand]
    public let span: SourceSpan

    init(function: GuardFunction, arguments: [Operand], span: SourceSpan) {
        self.function = function
        self.arguments = arguments
        self.span = span
    }
}

/// `let name = value` or `let name := value`.
public struct VariableBinding: Sendable {
    public var name: String
    public var value: Operand
    public var span: SourceSpan

    /// A later `let` of the same name wins, as in cfn-guard.
    static func byName(_ bindings: [VariableBinding]) -> [String: VariableBinding] {
        var byName: [String: VariableBinding] = [:]
        for binding in bindings { byName[binding.name] = binding }
        return byName
    }
}

/// A sequence of `let`s and clauses inside braces.
public struct ClauseBlock: Sendable {
    public let bindings: [VariableBinding]
    public let conjunction: Conjunction
    /// The bindings by name, built once: a block's scope is created for every value it visits.
    let bindingsByName: [String: VariableBinding]

    init(bindings: [VariableBinding], conjunction: Conjunction) {
        self.bindings = bindings
        self.conjunction = conjunction
        bindingsByName = VariableBinding.byName(bindings)
    }
}

/// One clause, in any of the forms a rule body can hold.
public indirect enum Clause: Sendable {
    case access(AccessClause)
    /// `query { … }` and `query !empty { … }`.
    case block(BlockClause)
    /// `when conditions { … }`.
    case when(WhenBlock)
    /// `AWS::S3::Bucket [when …] { … }`.
    case typeBlock(TypeBlock)
    /// `[not] RULE_NAME`.
    case ruleReference(RuleReference)
    /// `name(arg, …)`.
    case parameterizedCall(ParameterizedCall)

    public var span: SourceSpan {
        switch self {
        case .access(let clause): clause.span
        case .block(let clause): clause.span
        case .when(let clause): clause.span
        case .typeBlock(let clause): clause.span
        case .ruleReference(let clause): clause.span
        case .parameterizedCall(let clause): clause.span
        }
    }
}

public final class AccessClause: Sendable {
    public let query: Query
    public let comparison: Comparison
    /// A leading `not` or `!`. cfn-guard honours it on unary clauses only; on a binary clause it is
    /// parsed and ignored, so the evaluator does the same (see docs/guard-compatibility.md).
    public let leadingNot: Bool
    public let message: String?
    public let span: SourceSpan
    /// What each of this clause's failures shares, made once here rather than for each failure.
    let failedClause: FailedClause

    init(query: Query, comparison: Comparison, leadingNot: Bool, message: String?, span: SourceSpan) {
        self.query = query
        self.comparison = comparison
        self.leadingNot = leadingNot
        self.message = message
        self.span = span
        let (spelling, reportName, negated) = switch comparison {
        case .unary(let op, let negated): (op.spelling(negated: negated != leadingNot), op.reportName, negated != leadingNot)
        case .binary(let op, let negated, _): (op.spelling(negated: negated), op.reportName, negated)
        }
        failedClause = FailedClause(span: span, operatorSpelling: spelling, comparison: (reportName, negated), message: message)
    }
}

public final class BlockClause: Sendable {
    public let query: Query
    /// `q !empty { }`: zero values fail instead of skipping.
    public let requiresValues: Bool
    public let body: ClauseBlock
    public let span: SourceSpan

    init(query: Query, requiresValues: Bool, body: ClauseBlock, span: SourceSpan) {
        self.query = query
        self.requiresValues = requiresValues
        self.body = body
        self.span = span
    }
}

public final class WhenBlock: Sendable {
    public let conditions: Conjunction
    public let body: ClauseBlock
    public let span: SourceSpan

    init(conditions: Conjunction, body: ClauseBlock, span: SourceSpan) {
        self.conditions = conditions
        self.body = body
        self.span = span
    }
}

public final class TypeBlock: Sendable {
    public let typeName: String
    public let conditions: Conjunction?
    public let body: ClauseBlock
    public let span: SourceSpan

    init(typeName: String, conditions: Conjunction?, body: ClauseBlock, span: SourceSpan) {
        self.typeName = typeName
        self.conditions = conditions
        self.body = body
        self.span = span
    }
}

public final class RuleReference: Sendable {
    public let name: String
    public let negated: Bool
    public let message: String?
    public let span: SourceSpan

    init(name: String, negated: Bool, message: String?, span: SourceSpan) {
        self.name = name
        self.negated = negated
        self.message = message
        self.span = span
    }
}

public final class ParameterizedCall: Sendable {
    public let name: String
    public let arguments: [Operand]
    /// Parsed and, as in cfn-guard, ignored.
    public let leadingNot: Bool
    public let message: String?
    public let span: SourceSpan

    init(name: String, arguments: [Operand], leadingNot: Bool, message: String?, span: SourceSpan) {
        self.name = name
        self.arguments = arguments
        self.leadingNot = leadingNot
        self.message = message
        self.span = span
    }
}
