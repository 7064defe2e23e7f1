import TenetDocument
import TenetInventory
import TenetTemplates

/// One template-shaped document the engine evaluates — a collected template, or an inventory's
/// projection — with an index from its `Resources` keys to the resources they are.
public struct ScanDocument: Sendable {
    public struct Entry: Sendable {
        /// The key under `Resources`: a logical id, or an inventory resource id.
        public var key: String
        public var resource: ScannedResource
        public var unresolved: [UnresolvedValue]
        /// The resource's node in its own template, when the document is assembled from several
        /// and its nodes cannot say which file they came from: a failing check finds its file,
        /// line and column there.
        public var declaration: Node?

        public init(key: String, resource: ScannedResource, unresolved: [UnresolvedValue] = [], declaration: Node? = nil) {
            self.key = key
            self.resource = resource
            self.unresolved = unresolved
            self.declaration = declaration
        }
    }

    public var name: String
    public var root: Node
    public private(set) var entries: [Entry]
    /// Types the collector failed to read; rules on them report INSUFFICIENT_DATA.
    public var insufficientTypes: [ResourceType: String]
    /// Owns account-level verdicts and failures under no resource.
    public var account: ScannedResource
    public var origin: DocumentOrigin
    /// False when the document's nodes do not carry their own file's locations (it is assembled
    /// from several templates, or is no file); findings then point at the resource, if anywhere.
    var nodesHaveLocations: Bool { origin == .file }
    /// Entries by the id of their node under `Resources`: verdict assignment looks one up for
    /// every failure, and a node id hashes in a fraction of the time its key takes.
    private var entryByNode: [Int32: Int] = [:]
    private(set) var entriesByType: [ResourceType: [Int]] = [:]

    public init(
        name: String, root: Node, entries: [Entry], insufficientTypes: [ResourceType: String] = [:], account: ScannedResource? = nil,
        origin: DocumentOrigin = .file
    ) {
        self.name = name
        self.root = root
        self.entries = entries
        self.insufficientTypes = insufficientTypes
        self.account = account ?? .account(ofDocument: name)
        self.origin = origin
        let resources = root["Resources"]
        for (index, entry) in entries.enumerated() {
            if let node = resources?[entry.key] { entryByNode[node.id] = index }
            entriesByType[entry.resource.type, default: []].append(index)
        }
    }

    public init(template: CollectedTemplate) {
        self.init(
            name: template.path, root: template.document.root,
            entries: template.resources.map { resource in
                Entry(
                    key: resource.name ?? resource.id.rawValue,
                    resource: ScannedResource(id: resource.id, type: resource.type, document: template.path, location: resource.source),
                    unresolved: resource.unresolved)
            })
    }

    /// An inventory's projection: resources keyed by their ids, the types the collector failed to
    /// read reported as insufficient data. A file's account points at its first line, the header;
    /// a live collection's account is in no file.
    public init(projection: SnapshotProjection, name: String, origin: DocumentOrigin = .file) {
        var insufficient: [ResourceType: String] = [:]
        if case .partial(let failed) = projection.header.completeness { insufficient = failed }
        self.init(
            name: name, root: projection.document.root,
            entries: projection.resources.map { resource in
                Entry(
                    key: resource.id.rawValue,
                    resource: ScannedResource(id: resource.id, type: resource.type, document: name, location: resource.source),
                    unresolved: resource.unresolved)
            },
            insufficientTypes: insufficient,
            account: .account(ofDocument: name, id: Self.accountID(of: projection.header, document: name), inFile: origin == .file),
            origin: origin)
    }

    /// Live snapshots name their account pseudo-resource after the account and regions, as AWS
    /// Config does; other snapshots after the file.
    private static func accountID(of header: SnapshotHeader, document: String) -> ResourceID {
        if case .aws(let account?, let regions, _) = header.source {
            return ResourceID("aws:\(account):\(regions.joined(separator: ","))")
        }
        return ResourceID(document)
    }

    /// What reports call the templates judged together, and the id of its pseudo-resource: a
    /// name of its own rather than the path given on the command line, which is a directory (or
    /// `.`) no CI system can open, and would make the findings' fingerprints depend on how
    /// `check` was invoked.
    public static let accountName = "account"

    /// Every resource of several templates in one document, keyed by resource id: the desired
    /// state of the whole account, which account-level rules ("a trail exists") judge. Run per
    /// template they would fail every application template that does not declare a trail.
    /// The document is no file, so its pseudo-resource has no location.
    static func account(of templates: [CollectedTemplate]) throws(Diagnostic) -> ScanDocument {
        let name = accountName
        var assembler = DocumentAssembler(sourceName: name, expectedNodes: templates.reduce(0) { $0 + $1.document.nodeCount })
        try assembler.beginMap(at: nil)
        try assembler.key("Resources", at: nil)
        try assembler.beginMap(at: nil)
        var entries: [Entry] = []
        for template in templates {
            guard let resources = template.document.root["Resources"] else { continue }
            var declarations: [(key: String, value: Node)] = []
            for resource in template.resources {
                guard let declaration = resources[resource.name ?? ""] else { continue }
                declarations.append((resource.id.rawValue, declaration))
                entries.append(Entry(
                    key: resource.id.rawValue,
                    resource: ScannedResource(id: resource.id, type: resource.type, document: template.path, location: resource.source),
                    unresolved: resource.unresolved, declaration: declaration))
            }
            try assembler.append(entries: declarations, keepingLocations: false)
        }
        try assembler.end()
        try assembler.end()
        return ScanDocument(
            name: name, root: assembler.build().root, entries: entries,
            account: .account(ofDocument: name, inFile: false), origin: .templatesTogether)
    }

    /// The position in `entries` of the resource `node` (a child of `Resources`) declares: an
    /// `Entry` is too large to copy out for each failure.
    func entryIndex(of node: Node) -> Int? {
        entryByNode[node.id]
    }

    var types: Set<ResourceType> { Set(entriesByType.keys) }

    /// The pseudo-resource whose verdicts say that rules on `type` had nothing to read.
    func insufficientDataResource(of type: ResourceType) -> ScannedResource {
        ScannedResource(id: ResourceID("\(name)#\(type)"), type: type, document: name)
    }
}
