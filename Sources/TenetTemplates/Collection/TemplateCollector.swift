import Foundation
import TenetDocument
import TenetInventory

/// Turns a loaded template into a resolved document and inventory resources.
public struct TemplateCollector: Sendable {
    public var inputs: TemplateInputs

    public init(inputs: TemplateInputs = TemplateInputs()) {
        self.inputs = inputs
    }

    /// Transforms that generate resources Tenet does not expand.
    static let expandingTypePrefixes = ["AWS::Serverless::"]

    /// Collects a loaded template whose file is `path` (already normalized); nil when the document
    /// is not a template.
    public func collect(_ loaded: Document, path: String) throws(Diagnostic) -> CollectedTemplate? {
        let root = loaded.root
        guard TemplateRecognizer.isTemplate(root) else { return nil }
        let resolver = IntrinsicResolver(template: root, inputs: inputs)
        var warnings = loaded.warnings
        let transforms = Self.transforms(of: root)
        var notExpanded: [String] = []

        var assembler = DocumentAssembler(sourceName: loaded.sourceName, expectedNodes: loaded.nodeCount)
        var resolvedResources: [(logicalID: String, declaration: Node, properties: ResolvedTree?, references: Set<String>)] = []
        try assembler.beginMap(at: root.location)
        for entry in root.children {
            let key = entry.keyInParent!
            try assembler.key(key, at: entry.keyLocation)
            switch key {
            case "Resources":
                try assembler.beginMap(at: entry.location)
                for declaration in entry.children {
                    let logicalID = declaration.keyInParent!
                    try assembler.key(logicalID, at: declaration.keyLocation)
                    guard declaration.kind == .map, let type = declaration["Type"]?.stringValue else {
                        if logicalID.hasPrefix("Fn::ForEach") {
                            notExpanded.append(logicalID)
                        } else {
                            warnings.append(Diagnostic(.warning, code: .resourceWithoutType, message: "resource '\(logicalID)' has no Type; expected a resource type such as AWS::S3::Bucket, so it is not collected", location: FileLocation(file: path, position: declaration.keyLocation ?? declaration.location)))
                        }
                        try assembler.append(copyOf: declaration)
                        continue
                    }
                    if let problem = Self.typeProblem(type) {
                        warnings.append(Diagnostic(.warning, code: .unknownResourceType, message: "\(problem); collected as written", location: FileLocation(file: path, position: declaration["Type"]!.location)))
                    }
                    if !transforms.isEmpty, Self.expandingTypePrefixes.contains(where: type.hasPrefix) {
                        notExpanded.append(logicalID)
                    }
                    resolver.beginResource()
                    let properties = declaration["Properties"].map { resolver.resolve($0) }
                    try Self.emitResource(declaration, properties: properties, into: &assembler)
                    var references = resolver.references
                    for dependency in Self.dependsOn(declaration) { references.insert(dependency) }
                    resolvedResources.append((logicalID, declaration, properties, references))
                }
                try assembler.end()
            case "Parameters":
                try Self.emitParameters(entry, resolver: resolver, into: &assembler)
            default:
                try assembler.append(copyOf: entry)
            }
        }
        try assembler.end()
        let document = assembler.build()

        let resourcesNode = document.root["Resources"]!
        let empty = Document(value: [:], sourceName: loaded.sourceName).root
        let resources = resolvedResources.map { resolved -> InventoryResource in
            let node = resourcesNode[resolved.logicalID]!
            let properties = node["Properties"] ?? empty
            return InventoryResource(
                type: ResourceType(node["Type"]!.stringValue!),
                id: .template(path: path, logicalID: resolved.logicalID),
                name: resolved.logicalID,
                tags: Self.tags(of: properties),
                properties: properties,
                relationships: resolved.references.sorted().filter { $0 != resolved.logicalID && resourcesNode[$0] != nil }.map {
                    ResourceRelationship(.references, .template(path: path, logicalID: $0))
                },
                source: FileLocation(file: path, position: resolved.declaration.keyLocation ?? resolved.declaration.location),
                unresolved: (resolved.properties?.unresolvedValues() ?? []).map { UnresolvedValue(path: $0.0, dependsOn: $0.1) })
        }
        return CollectedTemplate(path: path, document: document, resources: resources, transforms: transforms, notExpanded: notExpanded, warnings: warnings)
    }

    private static func emitResource(_ declaration: Node, properties: ResolvedTree?, into assembler: inout DocumentAssembler) throws(Diagnostic) {
        try assembler.beginMap(at: declaration.location)
        for attribute in declaration.children {
            try assembler.key(attribute.keyInParent!, at: attribute.keyLocation)
            if attribute.keyInParent == "Properties", let properties {
                try properties.emit(into: &assembler)
            } else {
                try assembler.append(copyOf: attribute)
            }
        }
        try assembler.end()
    }

    /// Parameters are copied, but the default of a secret parameter becomes the marker: it is
    /// never substituted, and must not reach a report through the Parameters section either.
    private static func emitParameters(_ parameters: Node, resolver: IntrinsicResolver, into assembler: inout DocumentAssembler) throws(Diagnostic) {
        guard parameters.kind == .map else { return try assembler.append(copyOf: parameters) }
        try assembler.beginMap(at: parameters.location)
        for declaration in parameters.children {
            let name = declaration.keyInParent!
            try assembler.key(name, at: declaration.keyLocation)
            guard resolver.isSecretParameter(name), declaration.kind == .map, declaration["Default"] != nil else {
                try assembler.append(copyOf: declaration)
                continue
            }
            try assembler.beginMap(at: declaration.location)
            for field in declaration.children {
                try assembler.key(field.keyInParent!, at: field.keyLocation)
                if field.keyInParent == "Default" {
                    try assembler.append(.string(SecretRedaction.marker), at: field.location)
                } else {
                    try assembler.append(copyOf: field)
                }
            }
            try assembler.end()
        }
        try assembler.end()
    }

    /// Why a declared type looks wrong: not of the `Vendor::Service::Resource` form, or an AWS
    /// type CloudFormation does not have (a typo such as `AWS::S3::Bukket`). Custom resources,
    /// SAM's types and third-party registry types are taken as written.
    static func typeProblem(_ type: String) -> String? {
        if type.hasPrefix("Custom::"), type.count > "Custom::".count { return nil }
        guard ResourceType(type).isWellFormed else { return "'\(type)' is not a resource type of the form Vendor::Service::Resource" }
        guard type.hasPrefix("AWS::"), !type.hasPrefix("AWS::Serverless::"), !knownResourceTypes.contains(type) else { return nil }
        return "'\(type)' is not a resource type CloudFormation knows"
    }

    static func transforms(of root: Node) -> [String] {
        guard let transform = root["Transform"] else { return [] }
        if let name = transform.stringValue { return [name] }
        return transform.children.compactMap { $0.stringValue ?? $0["Name"]?.stringValue }
    }

    private static func dependsOn(_ declaration: Node) -> [String] {
        guard let dependsOn = declaration["DependsOn"] else { return [] }
        if let single = dependsOn.stringValue { return [single] }
        return dependsOn.children.compactMap(\.stringValue)
    }

    /// Tags in either shape CloudFormation uses: a list of `{Key, Value}` or a map. Values not yet
    /// known are left out.
    static func tags(of properties: Node) -> [String: String] {
        guard let tags = properties["Tags"] else { return [:] }
        var result: [String: String] = [:]
        switch tags.kind {
        case .list:
            for tag in tags.children {
                if let key = tag["Key"]?.stringValue, let value = tag["Value"]?.stringValue { result[key] = value }
            }
        case .map where !(tags.count == 1 && IntrinsicResolver.isIntrinsic(tags.entries[0].key)):
            for (key, value) in tags.entries {
                if let text = value.stringValue { result[key] = text }
            }
        default:
            break
        }
        return result
    }
}
