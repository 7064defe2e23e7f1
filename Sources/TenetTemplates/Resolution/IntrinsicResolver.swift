import Foundation
import TenetDocument
import TenetInventory

/// Resolves a template's intrinsic functions where the template itself — with the inputs the user
/// gave — decides the value, and keeps every other intrinsic as written, marked with what it
/// depends on. It never guesses: a `Ref` to a parameter without a value stays a `Ref`.
///
/// A resolver serves one template, or a share of its resources, on one thread; condition values
/// are computed once and remembered.
final class IntrinsicResolver {
    /// What resolution reads of the template itself: gathered once, and shared by the resolvers
    /// that work through a large template's resources in parallel.
    struct Scope: Sendable {
        let parameters: [String: Node]
        let mappings: Node?
        let conditions: Node?
        /// The template's `Resources`, asked whether a name is a logical id. Its loaded map is
        /// already indexed by key: no set of a large template's names is made, on one thread,
        /// before its resources are shared out.
        let resources: Node?

        init(template root: Node) {
            var parameters: [String: Node] = [:]
            for (name, declaration) in root["Parameters"]?.entries ?? [] { parameters[name] = declaration }
            self.parameters = parameters
            mappings = root["Mappings"]
            conditions = root["Conditions"]
            resources = root["Resources"]
        }

        func declaresResource(_ name: String) -> Bool {
            resources?[name] != nil
        }
    }

    private let inputs: TemplateInputs
    private let scope: Scope
    private var conditionValues: [String: Bool?] = [:]
    private var conditionsInProgress: Set<String> = []
    /// Logical ids the resource being resolved refers to, through `Ref`, `Fn::GetAtt` or `Fn::Sub`.
    private(set) var references: Set<String> = []

    /// Beyond this depth subtrees are kept as written: real templates nest a few levels, and the
    /// resolver recurses.
    static let maxDepth = 96

    init(scope: Scope, inputs: TemplateInputs) {
        self.scope = scope
        self.inputs = inputs
    }

    func beginResource() {
        references = []
    }

    /// Whether a parameter's value must never be substituted: `NoEcho`, or a name that says it
    /// holds a secret.
    func isSecretParameter(_ name: String) -> Bool {
        guard let declaration = scope.parameters[name] else { return false }
        let noEcho = declaration["NoEcho"]
        return noEcho?.boolValue == true || noEcho?.stringValue?.lowercased() == "true" || SecretRedaction.isSecretName(name)
    }

    // MARK: Trees

    func resolve(_ node: Node, depth: Int = 0) -> ResolvedTree {
        guard depth < Self.maxDepth else { return .original(node) }
        switch node.kind {
        case .map:
            let children = node.children
            if children.count == 1, let name = children[0].keyInParent, Self.isIntrinsic(name) {
                return resolveIntrinsic(name, children[0], whole: node, depth: depth)
            }
            // The entries are made from the first child that changes on: most maps of a template
            // change nowhere, and stay the loaded node without an array made and dropped.
            var entries: [ResolvedTree.Entry]?
            for (position, child) in children.enumerated() {
                let key = child.keyInParent!
                var value = resolve(child, depth: depth + 1)
                if SecretRedaction.isSecretName(key), let redacted = Self.redacted(value, at: child.location) {
                    value = redacted
                }
                if entries == nil, !value.isOriginal(child) {
                    entries = []
                    entries!.reserveCapacity(children.count)
                    for unchanged in children[..<position] {
                        entries!.append(ResolvedTree.Entry(key: unchanged.keyInParent!, keyLocation: unchanged.keyLocation, value: .original(unchanged)))
                    }
                }
                entries?.append(ResolvedTree.Entry(key: key, keyLocation: child.keyLocation, value: value))
            }
            return entries.map { .map($0, at: node.location) } ?? .original(node)
        case .list:
            let children = node.children
            var elements: [ResolvedTree]?
            for (position, child) in children.enumerated() {
                let value = resolve(child, depth: depth + 1)
                if elements == nil, !value.isOriginal(child) {
                    elements = []
                    elements!.reserveCapacity(children.count)
                    for unchanged in children[..<position] { elements!.append(.original(unchanged)) }
                }
                elements?.append(value)
            }
            return elements.map { .list($0, at: node.location) } ?? .original(node)
        default:
            return .original(node)
        }
    }

    static func isIntrinsic(_ key: String) -> Bool {
        key == "Ref" || key.hasPrefix("Fn::")
    }

    /// A known secret becomes the marker; an intrinsic stays (a `Ref` to a `NoEcho` parameter is
    /// how a secret should be passed, and rules check for it), and so does a dynamic reference
    /// (`{{resolve:secretsmanager:…}}`), which names a secret without holding it.
    private static func redacted(_ value: ResolvedTree, at location: SourceLocation) -> ResolvedTree? {
        guard let known = value.knownValue else { return nil }
        if case .string(let text) = known, text.hasPrefix("{{resolve:") || text == SecretRedaction.marker { return nil }
        if case .null = known { return nil }
        return .computed(.string(SecretRedaction.marker), at: location)
    }

    // MARK: Intrinsic functions

    private func resolveIntrinsic(_ name: String, _ argument: Node, whole: Node, depth: Int) -> ResolvedTree {
        let keep = { (dependency: String) in ResolvedTree.unresolved(.original(whole), dependsOn: dependency) }
        switch name {
        case "Ref":
            guard let target = argument.stringValue else { return keep("a Ref without a name") }
            return reference(target, at: whole.location) ?? keep(dependency(ofReference: target))
        case "Fn::GetAtt":
            let parts = argument.stringValue.map { $0.split(separator: ".", maxSplits: 1).map(String.init) } ?? argument.children.compactMap(\.stringValue)
            guard let resource = parts.first else { return keep("Fn::GetAtt without a resource") }
            references.insert(resource)
            return keep("resource \(resource) attribute \(parts.dropFirst().joined(separator: "."))")
        case "Fn::If":
            guard argument.count == 3, let condition = argument[0]?.stringValue else { return keep("a malformed Fn::If") }
            guard let decided = evaluateCondition(named: condition) else { return keep("condition \(condition)") }
            return resolve(argument[decided ? 1 : 2]!, depth: depth + 1)
        case "Fn::Sub":
            return substitute(argument, whole: whole, depth: depth)
        case "Fn::Join":
            guard argument.count == 2, let delimiter = argument[0]?.stringValue else { return keep("a malformed Fn::Join") }
            let parts = resolve(argument[1]!, depth: depth + 1)
            guard case .list(let elements)? = parts.knownValue else { return keep(parts.dependency ?? "Fn::Join over unknown values") }
            let strings = elements.compactMap(\.cloudFormationString)
            guard strings.count == elements.count else { return keep("Fn::Join over non-string values") }
            return .computed(.string(strings.joined(separator: delimiter)), at: whole.location)
        case "Fn::Select":
            guard argument.count == 2 else { return keep("a malformed Fn::Select") }
            let indexTree = resolve(argument[0]!, depth: depth + 1)
            guard let indexText = indexTree.knownString, let index = Int(indexText) else { return keep(indexTree.dependency ?? "an unknown Fn::Select index") }
            switch resolve(argument[1]!, depth: depth + 1) {
            case .list(let elements, _) where index >= 0 && index < elements.count:
                return elements[index]
            case .original(let list) where list.kind == .list && index >= 0 && index < list.count:
                return .original(list[index]!)
            case .computed(.list(let elements), _) where index >= 0 && index < elements.count:
                return .computed(elements[index], at: whole.location)
            case let other:
                return keep(other.dependency ?? "Fn::Select index \(index) out of range")
            }
        case "Fn::Split":
            guard argument.count == 2, let delimiter = argument[0]?.stringValue, !delimiter.isEmpty else { return keep("a malformed Fn::Split") }
            let source = resolve(argument[1]!, depth: depth + 1)
            guard let text = source.knownString else { return keep(source.dependency ?? "Fn::Split of an unknown value") }
            return .computed(.list(text.components(separatedBy: delimiter).map(Value.string)), at: whole.location)
        case "Fn::FindInMap":
            guard argument.count >= 3 else { return keep("a malformed Fn::FindInMap") }
            let keys = (0..<3).map { resolve(argument[$0]!, depth: depth + 1) }
            guard let map = keys[0].knownString, let top = keys[1].knownString, let second = keys[2].knownString else {
                return keep(keys.lazy.compactMap(\.dependency).first ?? "Fn::FindInMap over unknown keys")
            }
            guard let found = scope.mappings?[map]?[top]?[second] else { return keep("mapping \(map) has no \(top).\(second)") }
            return .computed(found.value, at: whole.location)
        case "Fn::Base64":
            let source = resolve(argument, depth: depth + 1)
            guard let text = source.knownString else { return keep(source.dependency ?? "Fn::Base64 of an unknown value") }
            return .computed(.string(Data(text.utf8).base64EncodedString()), at: whole.location)
        default:
            return keep(name)
        }
    }

    /// The value of `Ref: target`, or nil when the template does not decide it.
    private func reference(_ target: String, at location: SourceLocation) -> ResolvedTree? {
        if target == "AWS::NoValue" { return .removed }
        if let value = inputs.pseudoParameter(target) { return .computed(value, at: location) }
        guard let declaration = scope.parameters[target], !isSecretParameter(target) else {
            if scope.declaresResource(target) { references.insert(target) }
            return nil
        }
        let type = declaration["Type"]?.stringValue ?? "String"
        if let given = inputs.parameterValues[target] { return .computed(Self.parameterValue(given, type: type), at: location) }
        if let fallback = declaration["Default"]?.value { return .computed(Self.parameterValue(fallback, type: type), at: location) }
        return nil
    }

    private func dependency(ofReference target: String) -> String {
        if scope.declaresResource(target) { return "resource \(target)" }
        if scope.parameters[target] != nil {
            return isSecretParameter(target) ? "parameter \(target) (NoEcho)" : "parameter \(target) (no value given)"
        }
        switch target {
        case "AWS::Region": return "pseudo parameter AWS::Region (give --region)"
        case "AWS::AccountId": return "pseudo parameter AWS::AccountId (give --account)"
        case "AWS::Partition", "AWS::URLSuffix": return "pseudo parameter \(target) (give --region)"
        default: return target.hasPrefix("AWS::") ? "pseudo parameter \(target)" : "unknown name \(target)"
        }
    }

    /// CloudFormation passes parameters as strings; list types split on commas.
    private static func parameterValue(_ value: Value, type: String) -> Value {
        let isList = type.hasPrefix("List<") || type == "CommaDelimitedList"
        if case .list(let elements) = value {
            let strings = elements.compactMap(\.cloudFormationString)
            return isList ? .list(strings.map(Value.string)) : .string(strings.joined(separator: ","))
        }
        guard let text = value.cloudFormationString else { return value }
        return isList ? .list(text.split(separator: ",", omittingEmptySubsequences: false).map { .string($0.trimmingCharacters(in: .whitespaces)) }) : .string(text)
    }

    // MARK: Fn::Sub

    private func substitute(_ argument: Node, whole: Node, depth: Int) -> ResolvedTree {
        let keep = { (dependency: String) in ResolvedTree.unresolved(.original(whole), dependsOn: dependency) }
        let template: String
        var variables: [String: Node] = [:]
        if let text = argument.stringValue {
            template = text
        } else if argument.kind == .list, argument.count == 2, let text = argument[0]?.stringValue, argument[1]!.kind == .map {
            template = text
            for (name, value) in argument[1]!.entries { variables[name] = value }
        } else {
            return keep("a malformed Fn::Sub")
        }
        var output = ""
        var firstDependency: String?
        for piece in SubstitutionTemplate.pieces(of: template) {
            switch piece {
            case .literal(let text):
                output += text
            case .placeholder(let name):
                var value: String?
                if let variable = variables[name] {
                    let tree = resolve(variable, depth: depth + 1)
                    value = tree.knownString
                    if value == nil { firstDependency = firstDependency ?? tree.dependency ?? "variable \(name)" }
                } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                    let resource = String(name[..<dot])
                    references.insert(resource)
                    firstDependency = firstDependency ?? "resource \(resource) attribute \(name[name.index(after: dot)...])"
                } else if let tree = reference(name, at: whole.location) {
                    value = tree.knownString
                    if value == nil { firstDependency = firstDependency ?? dependency(ofReference: name) }
                } else {
                    firstDependency = firstDependency ?? dependency(ofReference: name)
                }
                output += value ?? ""
            }
        }
        if let firstDependency { return keep(firstDependency) }
        return .computed(.string(output), at: whole.location)
    }

    // MARK: Conditions

    /// The value of a named condition, or nil when it depends on something unknown (or on itself).
    func evaluateCondition(named name: String) -> Bool? {
        if let known = conditionValues[name] { return known }
        guard let expression = scope.conditions?[name], !conditionsInProgress.contains(name) else { return nil }
        conditionsInProgress.insert(name)
        let value = evaluateCondition(expression, depth: 0)
        conditionsInProgress.remove(name)
        conditionValues[name] = value
        return value
    }

    private func evaluateCondition(_ node: Node, depth: Int) -> Bool? {
        guard depth < Self.maxDepth, node.kind == .map, node.count == 1, let (function, argument) = node.entries.first else {
            return node.boolValue
        }
        switch function {
        case "Condition":
            return argument.stringValue.flatMap(evaluateCondition(named:))
        case "Fn::Equals":
            guard argument.count == 2 else { return nil }
            guard let left = resolve(argument[0]!, depth: depth + 1).knownValue, let right = resolve(argument[1]!, depth: depth + 1).knownValue else { return nil }
            return Self.conditionText(left) == Self.conditionText(right)
        case "Fn::Not":
            guard argument.count == 1 else { return nil }
            return evaluateCondition(argument[0]!, depth: depth + 1).map(!)
        case "Fn::And", "Fn::Or":
            let isAnd = function == "Fn::And"
            var unknown = false
            for operand in argument.children {
                switch evaluateCondition(operand, depth: depth + 1) {
                case .some(let value) where value != isAnd: return value
                case .none: unknown = true
                default: break
                }
            }
            return unknown ? nil : isAnd
        default:
            return nil
        }
    }

    /// `Fn::Equals` compares the string forms CloudFormation compares.
    private static func conditionText(_ value: Value) -> String {
        if let text = value.cloudFormationString { return text }
        if case .list(let elements) = value { return elements.map(conditionText).joined(separator: ",") }
        return "\(value)"
    }
}
