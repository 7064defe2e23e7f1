/// Appends nodes to a document arena in document order: the shape of a parser's event stream.
///
/// Both loaders and `Document(value:)` build through it, so duplicate keys, depth and alias budgets
/// are enforced in one place. Children of an open container collect on a shared scratch stack
/// and move to the child table, contiguously, when the container ends.
struct DocumentBuilder {
    /// An open container. Plain data, no references: frames are read for every node appended, and
    /// a frame holding arrays or dictionaries would cost reference counting each time.
    private struct Frame {
        var id: Int32
        var kind: NodeKind
        var childStart: Int
        /// Where this map's merge values (`<<`) start in `pendingMerges`.
        var mergeStart: Int
        /// The key waiting for its value, for a map frame.
        var pendingKey: PendingKey?
        /// This map's position in `openKeyIndexes`, once it grows past a linear scan's worth.
        var keyIndex: Int?
    }

    private struct PendingKey {
        var slot: Int32
        var mark: Mark
        var isMerge: Bool
    }

    let sourceName: String
    let limits: LoadLimits
    private(set) var records: [NodeRecord] = []
    private var childTable: [Int32] = []
    private var strings: [String] = []
    /// Pool slots of map keys seen so far. Keys repeat in every resource (`Type`, `Properties`),
    /// and the rule interpreter compares a map's keys for every rule: one shared slot per key
    /// keeps those pool entries in cache instead of one entry per occurrence across the pool.
    private var keySlots: [String: Int32] = [:]
    private var keyIndexes: [Int32: [String: Int32]] = [:]
    private var frames: [Frame] = []
    private var pendingChildren: [Int32] = []
    /// Values of YAML merge keys (`<<`) of open maps, resolved when their map ends.
    private var pendingMerges: [Int32] = []
    /// Key → child for open maps too large for a linear search, innermost last.
    private var openKeyIndexes: [[String: Int32]] = []
    private var aliasNodesCopied = 0
    /// The key slots of the document `appendCopy` last copied from, by its own slots.
    private var copiedKeySlots: (source: Document?, slots: [Int32: Int32]) = (nil, [:])
    private var rootID: Int32 = -1
    var warnings: [Diagnostic] = []

    init(sourceName: String, limits: LoadLimits, expectedNodes: Int = 0) {
        self.sourceName = sourceName
        self.limits = limits
        records.reserveCapacity(expectedNodes)
        childTable.reserveCapacity(expectedNodes)
        strings.reserveCapacity(expectedNodes)
    }

    /// The string value of a finished node, for aliases used as map keys.
    func stringValue(of id: Int32) -> String? {
        let record = records[Int(id)]
        return record.kind == .string ? strings[Int(record.payload)] : nil
    }

    func start(of id: Int32) -> Mark { records[Int(id)].start }

    func end(of id: Int32) -> Mark { records[Int(id)].end }

    /// Whether this is a finished map whose entries `appendEntries(of:)` can take.
    var isMapFragment: Bool { isComplete && rootID == 0 && records[0].kind == .map }

    var isComplete: Bool { rootID >= 0 && frames.isEmpty }
    var depth: Int { frames.count }

    // MARK: Appending

    @discardableResult
    mutating func beginContainer(_ kind: NodeKind, start: Mark) throws(Diagnostic) -> Int32 {
        if frames.count >= limits.maxDepth {
            throw Diagnostic(
                code: .nestingTooDeep,
                message: "nesting is deeper than \(limits.maxDepth) levels; expected a flatter document",
                location: location(start))
        }
        let id = try appendRecord(NodeRecord(kind: kind, parent: -1, slot: 0, count: 0, payload: 0, start: start, end: start, keyStart: .none))
        frames.append(Frame(id: id, kind: kind, childStart: pendingChildren.count, mergeStart: pendingMerges.count))
        return id
    }

    mutating func endContainer(end: Mark) throws(Diagnostic) {
        let frame = frames.removeLast()
        let hasMerges = pendingMerges.count > frame.mergeStart
        if hasMerges {
            try resolveMerges(of: frame)
            pendingMerges.removeLast(pendingMerges.count - frame.mergeStart)
        }
        var keys = frame.keyIndex.map { _ in openKeyIndexes.removeLast() }
        // No slice of `pendingChildren` may outlive the move: it would make the removal below copy
        // the whole scratch stack, once per container.
        let count = pendingChildren.count - frame.childStart
        let first = childTable.count
        let id = Int(frame.id)
        records[id].payload = Int64(first)
        records[id].count = Int32(count)
        records[id].end = end
        childTable.append(contentsOf: pendingChildren[frame.childStart...])
        pendingChildren.removeLast(count)
        if frame.kind == .map, count > Document.indexedMapThreshold {
            if keys == nil || hasMerges {
                keys = Dictionary(childTable[first...].map { (strings[Int(records[Int($0)].slot)], $0) }, uniquingKeysWith: { $1 })
            }
            keyIndexes[frame.id] = keys
        }
    }

    /// Registers the key for the next value of the innermost map; throws on a duplicate.
    mutating func appendKey(_ key: String, start: Mark, isMerge: Bool) throws(Diagnostic) {
        let index = frames.count - 1
        let frame = frames[index]
        let slot = internKey(key)
        if !isMerge, let existing = child(named: key, slot: slot, in: frame) {
            throw Diagnostic(
                code: .duplicateKey,
                message: "duplicate key '\(key)' in this mapping; each key may appear only once",
                location: location(start),
                notes: [Diagnostic(.note, code: .duplicateKey, message: "'\(key)' was first defined here",
                                   location: location(records[Int(existing)].keyStart))])
        }
        frames[index].pendingKey = PendingKey(slot: slot, mark: start, isMerge: isMerge)
    }

    @discardableResult
    mutating func appendScalar(kind: NodeKind, payload: Int64, start: Mark, end: Mark) throws(Diagnostic) -> Int32 {
        try appendRecord(NodeRecord(kind: kind, parent: -1, slot: 0, count: 0, payload: payload, start: start, end: end, keyStart: .none))
    }

    @discardableResult
    mutating func appendString(_ text: String, start: Mark, end: Mark) throws(Diagnostic) -> Int32 {
        let slot = Int64(internString(text))
        return try appendScalar(kind: .string, payload: slot, start: start, end: end)
    }

    /// Appends a copy of a finished subtree, as a YAML alias does. Copies get their own parents and
    /// paths but keep the anchored node's locations. Copied nodes are counted against the budget.
    ///
    /// Iterative, with the containers still to fill on a worklist: an alias may copy a subtree as
    /// deep as the depth limit, and a recursion that deep overflows a secondary thread's stack.
    mutating func appendCopy(of source: Int32, aliasAt start: Mark) throws(Diagnostic) {
        let (parent, slot, keyStart) = try attachPoint()
        let root = try copyRecord(of: source, parent: parent, slot: slot, keyStart: keyStart, depth: frames.count, aliasAt: start)
        var unfilled: [(source: Int32, copy: Int32, depth: Int)] = []
        if records[Int(source)].kind == .map || records[Int(source)].kind == .list {
            unfilled.append((source, root, frames.count))
        }
        while let (source, copy, depth) = unfilled.popLast() {
            let record = records[Int(source)]
            let first = Int(record.payload)
            records[Int(copy)].payload = Int64(childTable.count)
            for offset in 0..<Int(record.count) {
                let child = childTable[first + offset]
                let childRecord = records[Int(child)]
                let childCopy = try copyRecord(
                    of: child, parent: copy, slot: childRecord.slot, keyStart: childRecord.keyStart, depth: depth + 1, aliasAt: start)
                childTable.append(childCopy)
                if childRecord.kind == .map || childRecord.kind == .list {
                    unfilled.append((child, childCopy, depth + 1))
                }
            }
            if keyIndexes[source] != nil {
                let children = childTable[Int(records[Int(copy)].payload)...]
                keyIndexes[copy] = Dictionary(children.map { (strings[Int(records[Int($0)].slot)], $0) }, uniquingKeysWith: { $1 })
            }
        }
        attach(root)
    }

    /// Appends a copy of a subtree of a finished document, in document order, with its locations
    /// or (`keepingLocations` false) without.
    ///
    /// One pass over the source's records, skipping the key checks the source passed when it was
    /// built, and interning keys by the source's pool slot rather than by their text: collecting
    /// a template copies most of it.
    mutating func appendCopy(of node: Node, keepingLocations: Bool) throws(Diagnostic) {
        let source = node.document
        if copiedKeySlots.source !== source {
            copiedKeySlots = (source, [:])
        }
        /// A container copied whose children are still being copied; they collect on `children`.
        struct Open {
            var source: Int32
            var copy: Int32
            var next: Int32 = 0
            var childStart: Int
        }
        var open: [Open] = []
        var children: [Int32] = []
        let (parent, slot, keyStart) = try attachPoint()
        let root = try appendCopiedRecord(source.records[Int(node.id)], parent: parent, slot: slot, keyStart: keyStart, from: source, keepingLocations: keepingLocations)
        attach(root)
        if !records[Int(root)].kind.isScalar {
            try checkCopiedDepth(frames.count, of: root)
            open.append(Open(source: node.id, copy: root, childStart: 0))
        }
        while let top = open.last {
            let container = source.records[Int(top.source)]
            guard top.next < container.count else {
                open.removeLast()
                let count = children.count - top.childStart
                records[Int(top.copy)].payload = Int64(childTable.count)
                childTable.append(contentsOf: children[top.childStart...])
                children.removeLast(count)
                if container.kind == .map, count > Document.indexedMapThreshold {
                    let copied = childTable[Int(records[Int(top.copy)].payload)...]
                    keyIndexes[top.copy] = Dictionary(copied.map { (strings[Int(records[Int($0)].slot)], $0) }, uniquingKeysWith: { $1 })
                }
                continue
            }
            open[open.count - 1].next += 1
            let child = source.childTable[Int(container.payload) + Int(top.next)]
            let record = source.records[Int(child)]
            let slot = container.kind == .map ? copiedKeySlot(record.slot, from: source) : top.next
            let copy = try appendCopiedRecord(record, parent: top.copy, slot: slot, keyStart: record.keyStart, from: source, keepingLocations: keepingLocations)
            children.append(copy)
            if !record.kind.isScalar {
                try checkCopiedDepth(frames.count + open.count, of: copy)
                open.append(Open(source: child, copy: copy, childStart: children.count))
            }
        }
    }

    private mutating func appendCopiedRecord(
        _ record: NodeRecord, parent: Int32, slot: Int32, keyStart: Mark, from source: Document, keepingLocations: Bool
    ) throws(Diagnostic) -> Int32 {
        var record = record
        record.parent = parent
        record.slot = slot
        record.keyStart = keyStart
        if !keepingLocations {
            record.start = .none
            record.end = .none
            record.keyStart = .none
        }
        if record.kind == .string {
            record.payload = Int64(internString(source.strings[Int(record.payload)]))
        }
        guard records.count < Int32.max else {
            throw Diagnostic(code: .fileTooLarge, message: "more than \(Int32.max) nodes in one document", location: location(record.start))
        }
        records.append(record)
        return Int32(records.count - 1)
    }

    private func checkCopiedDepth(_ depth: Int, of container: Int32) throws(Diagnostic) {
        if depth >= limits.maxDepth {
            throw Diagnostic(
                code: .nestingTooDeep,
                message: "nesting is deeper than \(limits.maxDepth) levels; expected a flatter document",
                location: location(records[Int(container)].start))
        }
    }

    private mutating func copiedKeySlot(_ sourceSlot: Int32, from source: Document) -> Int32 {
        if let slot = copiedKeySlots.slots[sourceSlot] { return slot }
        let slot = internKey(source.strings[Int(sourceSlot)])
        copiedKeySlots.slots[sourceSlot] = slot
        return slot
    }

    /// Appends the entries of `fragment`'s root map to the innermost open map, each as if it had
    /// been appended here — keys checked for duplicates, nodes in the same order — but with only
    /// a pass over the fragment's records: a large map's entries can be built apart, on several
    /// threads, and the serial work of joining them stays a copy.
    mutating func appendEntries(of fragment: DocumentBuilder) throws(Diagnostic) {
        precondition(fragment.isMapFragment, "a fragment is a finished map")
        let shift = try absorb(
            records: fragment.records, childTable: fragment.childTable, strings: fragment.strings, keySlots: fragment.keySlots,
            keyIndexes: fragment.keyIndexes,
            leavingIndexOf: 0, keepingLocations: true)
        let root = fragment.records[0]
        for child in fragment.childTable[Int(root.payload)..<Int(root.payload) + Int(root.count)] {
            try attachAbsorbed(child + shift, key: fragment.strings[Int(fragment.records[Int(child)].slot)])
        }
        warnings.append(contentsOf: fragment.warnings)
    }

    /// Appends `entries` — nodes of one finished document, each under a key of its own — to the
    /// innermost open map, as `appendCopy` would one by one, but with only a pass over the
    /// source's records. The whole of the source's arena is taken in, and its nodes outside the
    /// entries stay behind, unreachable: `check`'s account document takes every resource of
    /// every template, which is most of each, and walking each resource's subtree cost more
    /// than all the rules that run on it.
    mutating func appendEntries(_ entries: [(key: String, value: Node)], keepingLocations: Bool) throws(Diagnostic) {
        guard let source = entries.first?.value.document else { return }
        precondition(entries.allSatisfy { $0.value.document === source }, "the entries are nodes of one document")
        // Taken in whole, a subtree stays as deep as it was; one placed deeper is copied instead,
        // so that it meets the depth limit.
        guard entries.allSatisfy({ frames.count <= $0.value.ancestorCount }) else {
            for (key, value) in entries {
                try appendKey(key, start: keepingLocations ? Mark(value.keyLocation) : .none, isMerge: false)
                try appendCopy(of: value, keepingLocations: keepingLocations)
            }
            return
        }
        let shift = try absorb(
            records: source.records, childTable: source.childTable, strings: source.strings, keySlots: source.keySlotsBySpelling,
            keyIndexes: source.keyIndexes,
            leavingIndexOf: entries[0].value.parent?.id, keepingLocations: keepingLocations)
        for (key, value) in entries {
            try attachAbsorbed(value.id + shift, key: key)
        }
    }

    /// Appends another arena's records, child table, strings and key indexes after this one's,
    /// every index shifted past what is here, and returns the shift of node ids. The nodes are
    /// attached to nothing yet. The key index of the map the entries are taken from, left behind
    /// unreachable, is not copied. Map keys take this arena's slots, one per spelling, which
    /// `Document.keyID` relies on.
    private mutating func absorb(
        records absorbed: [NodeRecord], childTable absorbedChildren: [Int32], strings absorbedStrings: [String],
        keySlots absorbedKeySlots: [String: Int32], keyIndexes absorbedIndexes: [Int32: [String: Int32]],
        leavingIndexOf abandoned: Int32?, keepingLocations: Bool
    ) throws(Diagnostic) -> Int32 {
        guard records.count + absorbed.count <= Int32.max else {
            throw Diagnostic(code: .fileTooLarge, message: "more than \(Int32.max) nodes in one document", location: location(absorbed.first?.start ?? .none))
        }
        let recordShift = Int32(records.count)
        let stringShift = Int32(strings.count)
        let childShift = Int64(childTable.count)
        strings.append(contentsOf: absorbedStrings)
        var ownKeySlots = [Int32](repeating: -1, count: absorbedStrings.count)
        for (key, slot) in absorbedKeySlots { ownKeySlots[Int(slot)] = internKey(key) }
        for var record in absorbed {
            if record.parent >= 0 {
                if absorbed[Int(record.parent)].kind == .map { record.slot = ownKeySlots[Int(record.slot)] }
                record.parent += recordShift
            }
            switch record.kind {
            case .map, .list: record.payload += childShift
            case .string: record.payload += Int64(stringShift)
            default: break
            }
            if !keepingLocations {
                record.start = .none
                record.end = .none
                record.keyStart = .none
            }
            records.append(record)
        }
        childTable.append(contentsOf: absorbedChildren.lazy.map { $0 + recordShift })
        for (id, keys) in absorbedIndexes where id != abandoned {
            keyIndexes[id + recordShift] = keys.mapValues { $0 + recordShift }
        }
        return recordShift
    }

    /// Attaches an absorbed node to the innermost open map under `key`, checked for duplicates.
    private mutating func attachAbsorbed(_ id: Int32, key: String) throws(Diagnostic) {
        let map = frames[frames.count - 1].id
        precondition(records[Int(id)].parent != map, "a node is attached once")
        try appendKey(key, start: records[Int(id)].keyStart, isMerge: false)
        let pending = frames[frames.count - 1].pendingKey!
        records[Int(id)].parent = map
        records[Int(id)].slot = pending.slot
        attach(id)
    }

    // MARK: Finishing

    func build() -> Document {
        Document(building: self)
    }

    func parts() -> ([NodeRecord], [Int32], [String], [String: Int32], [Int32: [String: Int32]], Int32) {
        (records, childTable, strings, keySlots, keyIndexes, rootID)
    }

    // MARK: Internals

    private mutating func internString(_ text: String) -> Int32 {
        strings.append(text)
        return Int32(strings.count - 1)
    }

    private mutating func internKey(_ key: String) -> Int32 {
        if let slot = keySlots[key] { return slot }
        let slot = internString(key)
        keySlots[key] = slot
        return slot
    }

    private func location(_ mark: Mark) -> FileLocation {
        FileLocation(file: sourceName, position: mark.location)
    }

    /// The child of the open map under `key`, whose slot is `slot`: every key of this arena has
    /// its spelling's one slot, absorbed ones included, so a small map's keys compare as integers.
    private func child(named key: String, slot: Int32, in frame: Frame) -> Int32? {
        if let keyIndex = frame.keyIndex { return openKeyIndexes[keyIndex][key] }
        for position in frame.childStart..<pendingChildren.count {
            let child = pendingChildren[position]
            if records[Int(child)].slot == slot { return child }
        }
        return nil
    }

    /// Where the next node goes: its parent, its slot there, and where its key stands.
    private mutating func attachPoint() throws(Diagnostic) -> (Int32, Int32, Mark) {
        guard let frame = frames.last else {
            if rootID >= 0 {
                throw Diagnostic(code: .multipleDocuments, message: "a second root value; expected one document")
            }
            return (-1, 0, .none)
        }
        if frame.kind == .map {
            guard let key = frame.pendingKey else {
                preconditionFailure("a map value must follow its key")
            }
            return (frame.id, key.slot, key.mark)
        }
        return (frame.id, Int32(pendingChildren.count - frame.childStart), .none)
    }

    private mutating func appendRecord(_ record: NodeRecord) throws(Diagnostic) -> Int32 {
        var record = record
        (record.parent, record.slot, record.keyStart) = try attachPoint()
        guard records.count < Int32.max else {
            throw Diagnostic(code: .fileTooLarge, message: "more than \(Int32.max) nodes in one document", location: location(record.start))
        }
        records.append(record)
        let id = Int32(records.count - 1)
        attach(id)
        return id
    }

    private mutating func attach(_ id: Int32) {
        guard !frames.isEmpty else {
            rootID = id
            return
        }
        let index = frames.count - 1
        pendingChildren.append(id)
        guard frames[index].kind == .map else { return }
        let key = frames[index].pendingKey!
        frames[index].pendingKey = nil
        if key.isMerge {
            pendingMerges.append(id)
        } else if let keyIndex = frames[index].keyIndex {
            openKeyIndexes[keyIndex][strings[Int(key.slot)]] = id
        } else if pendingChildren.count - frames[index].childStart > Document.indexedMapThreshold {
            var keys: [String: Int32] = [:]
            let mergeValues = Set(pendingMerges[frames[index].mergeStart...])
            for child in pendingChildren[frames[index].childStart...] where !mergeValues.contains(child) {
                keys[strings[Int(records[Int(child)].slot)]] = child
            }
            frames[index].keyIndex = openKeyIndexes.count
            openKeyIndexes.append(keys)
        }
    }

    private func childIDs(of id: Int32) -> ArraySlice<Int32> {
        let record = records[Int(id)]
        return childTable[Int(record.payload)..<Int(record.payload) + Int(record.count)]
    }

    /// Applies YAML merge keys the way PyYAML (and so cfn-lint) does: the merged maps' entries come
    /// first — of a list of maps, the last map's first — then the map's own entries, and a later
    /// entry for a key replaces an earlier one in place.
    ///
    /// A map may repeat `<<` any number of times, so merge values are looked up in a set: a search
    /// of the list per child would make a file of many `<<` keys take quadratic time.
    private mutating func resolveMerges(of frame: Frame) throws(Diagnostic) {
        let mergeValues = Set(pendingMerges[frame.mergeStart...])
        var ordered: [Int32] = []
        for child in pendingChildren[frame.childStart...] where mergeValues.contains(child) {
            switch records[Int(child)].kind {
            case .map:
                ordered.append(contentsOf: childIDs(of: child))
            case .list:
                var maps: [ArraySlice<Int32>] = []
                for element in childIDs(of: child) {
                    guard records[Int(element)].kind == .map else {
                        throw invalidMerge(at: records[Int(element)].start)
                    }
                    maps.append(childIDs(of: element))
                }
                for entries in maps.reversed() { ordered.append(contentsOf: entries) }
            default:
                throw invalidMerge(at: records[Int(child)].start)
            }
        }
        ordered.append(contentsOf: pendingChildren[frame.childStart...].filter { !mergeValues.contains($0) })

        var positions: [String: Int] = [:]
        var result: [Int32] = []
        for child in ordered {
            let key = strings[Int(records[Int(child)].slot)]
            if let position = positions[key] {
                result[position] = child
            } else {
                positions[key] = result.count
                result.append(child)
            }
        }
        for child in result { records[Int(child)].parent = frame.id }
        pendingChildren.replaceSubrange(frame.childStart..., with: result)
    }

    private func invalidMerge(at mark: Mark) -> Diagnostic {
        Diagnostic(code: .invalidMerge, message: "a merge key '<<' needs a mapping or a list of mappings", location: location(mark))
    }

    /// Appends one copied record, counted against the alias budget; a container's children are
    /// filled in by `appendCopy`. `depth` is the number of containers above the copy.
    private mutating func copyRecord(
        of source: Int32, parent: Int32, slot: Int32, keyStart: Mark, depth: Int, aliasAt: Mark
    ) throws(Diagnostic) -> Int32 {
        aliasNodesCopied += 1
        if aliasNodesCopied > limits.maxAliasNodes {
            throw Diagnostic(
                code: .aliasBudgetExceeded,
                message: "aliases expand to more than \(limits.maxAliasNodes) nodes; expected a document without an alias bomb",
                location: location(aliasAt))
        }
        var record = records[Int(source)]
        if depth >= limits.maxDepth, record.kind == .map || record.kind == .list {
            throw Diagnostic(
                code: .nestingTooDeep,
                message: "an alias expands to nesting deeper than \(limits.maxDepth) levels",
                location: location(aliasAt))
        }
        record.parent = parent
        record.slot = slot
        record.keyStart = keyStart
        records.append(record)
        return Int32(records.count - 1)
    }
}
