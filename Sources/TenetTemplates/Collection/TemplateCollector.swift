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
    ///
    /// The resources are resolved in parallel, a share of them per resolver, and their inventory
    /// entries made in parallel: a single large template is otherwise one core's work. Only the
    /// joining of the resolved shares into one document, in order, is serial.
    public func collect(_ loaded: Document, path: String) throws(Diagnostic) -> CollectedTemplate? {
        let root = loaded.root
        guard TemplateRecognizer.isTemplate(root) else { return nil }
        let scope = IntrinsicResolver.Scope(template: root)
        let resolver = IntrinsicResolver(scope: scope, inputs: inputs)
        var warnings = loaded.warnings
        let transforms = Self.transforms(of: root)
        var notExpanded: [String] = []

        var assembler = DocumentAssembler(sourceName: loaded.sourceName, expectedNodes: loaded.nodeCount)
        var resolvedResources: [ResolvedResource] = []
        try assembler.beginMap(at: root.location)
        for entry in root.children {
            let key = entry.keyInParent!
            try assembler.key(key, at: entry.keyLocation)
            switch key {
            case "Resources":
                try assembler.beginMap(at: entry.location)
                // Taken from the end of the reversed list, each share is freed once spliced: the
                // shares and the document never hold the resources twice over.
                var unspliced = Array(shares(of: entry, scope: scope, transforms: transforms, path: path).reversed())
                while let share = unspliced.popLast() {
                    try assembler.append(entriesOf: share.assembled.get())
                    for declared in share.entries {
                        if let warning = declared.warning { warnings.append(warning) }
                        if declared.notExpanded { notExpanded.append(declared.logicalID) }
                        if let resolved = declared.resolved { resolvedResources.append(resolved) }
                    }
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
        let resources = resolvedResources.concurrentMap { resolved -> InventoryResource in
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

    /// A resource with its properties resolved, and the logical ids it refers to.
    private struct ResolvedResource: Sendable {
        var logicalID: String
        var declaration: Node
        var properties: ResolvedTree?
        var references: Set<String>
    }

    /// One entry of `Resources`, looked at: what the collector says of it, and, for a typed
    /// resource, its resolution.
    private struct ResourceEntry: Sendable {
        var logicalID: String
        var declaration: Node
        var warning: Diagnostic?
        /// Whether a transform would expand or replace it.
        var notExpanded = false
        /// Nil for an entry without a type, which is copied as written and not collected.
        var resolved: ResolvedResource?
    }

    /// Resolvers each take this many resources: enough that making one costs nothing beside their
    /// work, few enough that a large template's share out evenly across cores.
    private static let resourcesPerResolver = 128

    /// A share of the entries of `Resources`, looked at, and assembled into a map of their own
    /// for the collected document to take in whole.
    private struct ResourceShare: Sendable {
        var entries: [ResourceEntry]
        var assembled: Result<DocumentAssembler, Diagnostic>
    }

    /// The entries of `Resources` in order, resolved and assembled in parallel, each share by a
    /// resolver of its own (a resolver remembers the conditions it has decided, and is not shared
    /// across threads). Assembling here, rather than as the document is put together, leaves
    /// that serial step a copy of each share's nodes.
    private func shares(of resources: Node, scope: IntrinsicResolver.Scope, transforms: [String], path: String) -> [ResourceShare] {
        let inputs = inputs
        let starts = Array(stride(from: 0, to: resources.count, by: Self.resourcesPerResolver))
        let declarations = resources.children
        return starts.concurrentMap { start in
            let end = min(start + Self.resourcesPerResolver, resources.count)
            let resolver = IntrinsicResolver(scope: scope, inputs: inputs)
            let entries = declarations[start..<end].map { declaration in
                Self.entry(declaration, resolver: resolver, transforms: transforms, path: path)
            }
            // The loaded arena holds nodes in document order, so the share's stretch of it is
            // about the size of its assembly: reserved, the shares' arrays never grow by doubling.
            let stretchEnd = end < resources.count ? Int(declarations[end].id) : resources.document.nodeCount
            let expectedNodes = stretchEnd - Int(declarations[start].id)
            return ResourceShare(entries: entries, assembled: Result { () throws(Diagnostic) in
                try Self.assemble(entries, sourceName: resources.document.sourceName, expectedNodes: expectedNodes)
            })
        }
    }

    /// The share's entries as a map: each resource with its properties resolved, or as written
    /// when it is not collected.
    private static func assemble(_ entries: [ResourceEntry], sourceName: String, expectedNodes: Int) throws(Diagnostic) -> DocumentAssembler {
        var assembler = DocumentAssembler(sourceName: sourceName, expectedNodes: expectedNodes)
        try assembler.beginMap(at: nil)
        for declared in entries {
            try assembler.key(declared.logicalID, at: declared.declaration.keyLocation)
            if let resolved = declared.resolved {
                try emitResource(declared.declaration, properties: resolved.properties, into: &assembler)
            } else {
                try assembler.append(copyOf: declared.declaration)
            }
        }
        try assembler.end()
        return assembler
    }

    private static func entry(_ declaration: Node, resolver: IntrinsicResolver, transforms: [String], path: String) -> ResourceEntry {
        let logicalID = declaration.keyInParent!
        var declared = ResourceEntry(logicalID: logicalID, declaration: declaration)
        guard declaration.kind == .map, let type = declaration["Type"]?.stringValue else {
            if logicalID.hasPrefix("Fn::ForEach") {
                declared.notExpanded = true
            } else {
                declared.warning = Diagnostic(.warning, code: .resourceWithoutType, message: "resource '\(logicalID)' has no Type; expected a resource type such as AWS::S3::Bucket, so it is not collected", location: FileLocation(file: path, position: declaration.keyLocation ?? declaration.location))
            }
            return declared
        }
        if let problem = typeProblem(type) {
            declared.warning = Diagnostic(.warning, code: .unknownResourceType, message: "\(problem); collected as written", location: FileLocation(file: path, position: declaration["Type"]!.location))
        }
        declared.notExpanded = !transforms.isEmpty && expandingTypePrefixes.contains(where: type.hasPrefix)
        resolver.beginResource()
        let properties = declaration["Properties"].map { resolver.resolve($0) }
        var references = resolver.references
        for dependency in dependsOn(declaration) { references.insert(dependency) }
        declared.resolved = ResolvedResource(logicalID: logicalID, declaration: declaration, properties: properties, references: references)
        return declared
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
        // Every known type is well formed: the common case is decided by one lookup.
        if knownResourceTypes.contains(type) { return nil }
        if type.hasPrefix("Custom::"), type.count > "Custom::".count { return nil }
        guard ResourceType(type).isWellFormed else { return "'\(type)' is not a resource type of the form Vendor::Service::Resource" }
        guard type.hasPrefix("AWS::"), !type.hasPrefix("AWS::Serverless::") else { return nil }
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
