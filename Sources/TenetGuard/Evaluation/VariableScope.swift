/// The `let` bindings visible at one point of an evaluation, with their values cached.
///
/// Guard's variables are lazy: a binding is evaluated on first use, against the root of the scope
/// that declares it (the document root for file and rule `let`s, the current element for a `let`
/// inside a block), and kept for the rest of that scope's life. Lookup walks out through parents
/// at evaluation time, so a parameterized rule's body sees its caller's variables, as in cfn-guard.
final class VariableScope {
    let parent: VariableScope?
    private let bindings: [String: VariableBinding]
    /// What the scope's queries start from.
    let root: QueryValue
    private var values: [String: EvaluatedOperand] = [:]
    /// Names being evaluated right now, so that `let a = %a` is reported instead of recursing.
    var inProgress: Set<String> = []

    init(parent: VariableScope?, bindings: [String: VariableBinding], root: QueryValue) {
        self.parent = parent
        self.bindings = bindings
        self.root = root
    }

    /// A scope whose variables are already evaluated: a parameterized rule's arguments.
    init(parent: VariableScope?, arguments: [String: EvaluatedOperand], root: QueryValue) {
        self.parent = parent
        self.bindings = [:]
        self.values = arguments
        self.root = root
    }

    enum Lookup {
        case value(EvaluatedOperand)
        /// Not evaluated yet: evaluate `binding` in `scope` and `store` the result there.
        case unevaluated(VariableBinding, in: VariableScope)
    }

    func lookup(_ name: String) -> Lookup? {
        var scope: VariableScope? = self
        while let current = scope {
            if let cached = current.values[name] { return .value(cached) }
            if let binding = current.bindings[name] { return .unevaluated(binding, in: current) }
            scope = current.parent
        }
        return nil
    }

    func store(_ value: EvaluatedOperand, for name: String) {
        values[name] = value
    }
}
