import TenetDocument

/// A snapshot as a template-shaped document, `{Resources: {<id>: {Type, Properties, Metadata}}}`,
/// so that rules written for templates — the registry's included — run unchanged on live
/// resources.
///
/// Built while the inventory streams in: each resource line is parsed, copied once into the
/// projection's arena and dropped, so the snapshot is held in memory once. The resources' own
/// `properties` point into the projection.
public struct SnapshotProjection: Sendable {
    public var header: SnapshotHeader
    public var document: Document
    /// In file order; `properties` are nodes of `document`.
    public var resources: [InventoryResource]

    public init(reading path: String) throws(Diagnostic) {
        let reader = try InventoryReader(path: path)
        try self.init(header: reader.header, name: path) { () throws(Diagnostic) in try reader.next() }
    }

    /// A snapshot just collected, projected without a round trip through a file; `name` stands
    /// for the file in diagnostics.
    public init(header: SnapshotHeader, resources: [InventoryResource], name: String) throws(Diagnostic) {
        var remaining = resources.makeIterator()
        try self.init(header: header, name: name) { remaining.next() }
    }

    private init(header: SnapshotHeader, name: String, next: () throws(Diagnostic) -> InventoryResource?) throws(Diagnostic) {
        self.header = header
        var assembler = DocumentAssembler(sourceName: name)
        var pending: [InventoryResource] = []
        var seen: Set<ResourceID> = []
        try assembler.beginMap(at: nil)
        try assembler.key("Resources", at: nil)
        try assembler.beginMap(at: nil)
        while let resource = try next() {
            guard seen.insert(resource.id).inserted else {
                throw Diagnostic(code: .invalidInventory, message: "the resource id \(resource.id) appears twice; expected ids unique within a snapshot", location: FileLocation(file: name, line: 1, column: 1))
            }
            try assembler.key(resource.id.rawValue, at: nil)
            try assembler.beginMap(at: nil)
            try assembler.key("Type", at: nil)
            try assembler.append(.string(resource.type.rawValue), at: nil)
            try assembler.key("Properties", at: nil)
            try assembler.append(copyOf: resource.properties, keepingLocations: false)
            try assembler.key("Metadata", at: nil)
            try assembler.append(Self.metadata(of: resource), at: nil)
            try assembler.end()
            pending.append(resource)
        }
        try assembler.end()
        try assembler.end()
        document = assembler.build()
        let projected = document.root["Resources"]!
        resources = pending.map { resource in
            var moved = resource
            moved.properties = projected[resource.id.rawValue]!["Properties"]!
            return moved
        }
    }

    /// What a rule might want beyond the properties: where the resource lives and its tags.
    private static func metadata(of resource: InventoryResource) -> Value {
        var inventory: [Value.Entry] = [Value.Entry("Id", .string(resource.id.rawValue))]
        if let name = resource.name { inventory.append(Value.Entry("Name", .string(name))) }
        if let account = resource.account { inventory.append(Value.Entry("Account", .string(account))) }
        if let region = resource.region { inventory.append(Value.Entry("Region", .string(region))) }
        inventory.append(Value.Entry("Tags", .map(resource.tags.sorted { $0.key < $1.key }.map { Value.Entry($0.key, .string($0.value)) })))
        return ["Inventory": .map(inventory)]
    }
}
