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

public struct FunctionCall: Sendable {
    public var function: GuardFunction
    public var arguments: [Operand]
    public var span: SourceSpan
}

/// `let name = value` or `let name := value`.
public struct VariableBinding: Sendable {
    public var name: String
    public var value: Operand
    public var span: SourceSpan
}

/// A sequence of `let`s and clauses inside braces.
public struct ClauseBlock: Sendable {
    public var bindings: [VariableBinding]
    public var conjunction: Conjunction
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

public struct AccessClause: Sendable {
    public var query: Query
    public var comparison: Comparison
    /// A leading `not` or `!`. cfn-guard honours it on unary clauses only; on a binary clause it is
    /// parsed and ignored, so the evaluator does the same (see docs/guard-compatibility.md).
    public var leadingNot: Bool
    public var message: String?
    public var span: SourceSpan
}

public struct BlockClause: Sendable {
    public var query: Query
    /// `q !empty { }`: zero values fail instead of skipping.
    public var requiresValues: Bool
    public var body: ClauseBlock
    public var span: SourceSpan
}

public struct WhenBlock: Sendable {
    public var conditions: Conjunction
    public var body: ClauseBlock
    public var span: SourceSpan
}

public struct TypeBlock: Sendable {
    public var typeName: String
    public var conditions: Conjunction?
    public var body: ClauseBlock
    public var span: SourceSpan
}

public struct RuleReference: Sendable {
    public var name: String
    public var negated: Bool
    public var message: String?
    public var span: SourceSpan
}

public struct ParameterizedCall: Sendable {
    public var name: String
    public var arguments: [Operand]
    /// Parsed and, as in cfn-guard, ignored.
    public var leadingNot: Bool
    public var message: String?
    public var span: SourceSpan
}
