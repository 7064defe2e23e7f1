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
                resolvedResources.reserveCapacity(entry.count)
                // Each share is spliced in as soon as it and the ones before it are resolved, while
                // later ones still are, and freed once spliced: the shares and the document never
                // hold the resources twice over.
                try resolveShares(of: entry, scope: scope, transforms: transforms, path: path) { share throws(Diagnostic) in
                    let share = try share.get()
                    try assembler.append(entriesOf: share.assembled)
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

        let resourceNodes = document.root["Resources"]!.children
        let empty = Document(value: [:], sourceName: loaded.sourceName).root
        let resources = resolvedResources.concurrentMap { resolved -> InventoryResource in
            let properties = resourceNodes[resolved.position]["Properties"] ?? empty
            return InventoryResource(
                type: resolved.type, id: resolved.id, name: resolved.logicalID, tags: Self.tags(of: properties), properties: properties,
                relationships: resolved.relationships, source: resolved.source, unresolved: resolved.unresolved)
        }
        return CollectedTemplate(path: path, document: document, resources: resources, transforms: transforms, notExpanded: notExpanded, warnings: warnings)
    }

    /// What a typed resource's inventory entry takes from its resolution, made on its share's
    /// thread: only its properties, nodes of the collected document, wait for that document.
    private struct ResolvedResource: Sendable {
        /// Among the entries of `Resources`, which the collected document keeps in order: its node
        /// there is found by position rather than by key.
        var position: Int
        var logicalID: String
        var type: ResourceType
        var id: ResourceID
        var relationships: [ResourceRelationship]
        var source: FileLocation
        var unresolved: [UnresolvedValue]
    }

    /// One entry of `Resources`, looked at: what the collector says of it, and, for a typed
    /// resource, its resolution.
    private struct ResourceEntry: Sendable {
        var logicalID: String
        var warning: Diagnostic?
        /// Whether a transform would expand or replace it.
        var notExpanded = false
        /// Nil for an entry without a type, which is copied as written and not collected.
        var resolved: ResolvedResource?
    }

    /// Resolvers each take this many resources: enough that making one costs nothing beside their
    /// work, few enough that a large template's share out evenly across cores.
    private static let resourcesPerResolver = 128
    /// Shares resolved ahead of the splicing, at most: enough that no core waits for a slow share,
    /// few enough that resolved shares never hold much of the template.
    private static let sharesAhead = 4 * ProcessInfo.processInfo.activeProcessorCount

    /// A share of the entries of `Resources`, looked at, and assembled into a map of their own
    /// for the collected document to take in whole.
    private struct ResourceShare: Sendable {
        var entries: [ResourceEntry]
        var assembled: DocumentAssembler
    }

    /// The entries of `Resources` in order, resolved and assembled in parallel, each share by a
    /// resolver of its own (a resolver remembers the conditions it has decided, and is not shared
    /// across threads). Assembling here, rather than as the document is put together, leaves
    /// that serial step a copy of each share's nodes; each resource is written as soon as it is
    /// resolved, so no share holds its resolved trees. Each share is handed to `splice` in order.
    private func resolveShares(
        of resources: Node, scope: IntrinsicResolver.Scope, transforms: [String], path: String,
        splicingInOrder splice: (Result<ResourceShare, Diagnostic>) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        let inputs = inputs
        let starts = Array(stride(from: 0, to: resources.count, by: Self.resourcesPerResolver))
        let declarations = resources.children
        try starts.concurrentMap(window: Self.sharesAhead, { start in
            let end = min(start + Self.resourcesPerResolver, resources.count)
            let resolver = IntrinsicResolver(scope: scope, inputs: inputs)
            // The loaded arena holds nodes in document order, so the share's stretch of it is
            // about the size of its assembly: reserved, the shares' arrays never grow by doubling.
            let stretchEnd = end < resources.count ? Int(declarations[end].id) : resources.document.nodeCount
            let expectedNodes = stretchEnd - Int(declarations[start].id)
            return Result { () throws(Diagnostic) in
                var assembler = DocumentAssembler(sourceName: resources.document.sourceName, expectedNodes: expectedNodes)
                var entries: [ResourceEntry] = []
                entries.reserveCapacity(end - start)
                try assembler.beginMap(at: nil)
                for position in start..<end {
                    let declaration = declarations[position]
                    entries.append(try Self.entry(declaration, at: position, resolver: resolver, scope: scope, transforms: transforms, path: path, into: &assembler))
                }
                try assembler.end()
                return ResourceShare(entries: entries, assembled: assembler)
            }
        }, inOrder: splice)
    }

    /// Looks at one entry of `Resources` and writes it into its share's map: a typed resource
    /// with its properties resolved, anything else as written.
    private static func entry(
        _ declaration: Node, at position: Int, resolver: IntrinsicResolver, scope: IntrinsicResolver.Scope, transforms: [String], path: String,
        into assembler: inout DocumentAssembler
    ) throws(Diagnostic) -> ResourceEntry {
        let logicalID = declaration.keyInParent!
        try assembler.key(logicalID, at: declaration.keyLocation)
        var declared = ResourceEntry(logicalID: logicalID)
        guard declaration.kind == .map, let type = declaration["Type"]?.stringValue else {
            if logicalID.hasPrefix("Fn::ForEach") {
                declared.notExpanded = true
            } else {
                declared.warning = Diagnostic(.warning, code: .resourceWithoutType, message: "resource '\(logicalID)' has no Type; expected a resource type such as AWS::S3::Bucket, so it is not collected", location: FileLocation(file: path, position: declaration.keyLocation ?? declaration.location))
            }
            try assembler.append(copyOf: declaration)
            return declared
        }
        if let problem = typeProblem(type) {
            declared.warning = Diagnostic(.warning, code: .unknownResourceType, message: "\(problem); collected as written", location: FileLocation(file: path, position: declaration["Type"]!.location))
        }
        declared.notExpanded = !transforms.isEmpty && expandingTypePrefixes.contains(where: type.hasPrefix)
        resolver.beginResource()
        let properties = declaration["Properties"].map { resolver.resolve($0) }
        try emitResource(declaration, properties: properties, into: &assembler)
        var references = resolver.references
        for dependency in dependsOn(declaration) { references.insert(dependency) }
        declared.resolved = ResolvedResource(
            position: position, logicalID: logicalID, type: ResourceType(type), id: .template(path: path, logicalID: logicalID),
            relationships: references.sorted().filter { $0 != logicalID && scope.declaresResource($0) }.map {
                ResourceRelationship(.references, .template(path: path, logicalID: $0))
            },
            source: FileLocation(file: path, position: declaration.keyLocation ?? declaration.location),
            unresolved: properties?.unresolvedValues() ?? [])
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
