internal import CYAML

/// Reads one YAML document into a `Document` over libyaml's event API.
///
/// This is the only YAML reading in Tenet — templates, inventories, rule-test inputs and `validate`
/// data all come through here — and it reads the way CloudFormation and cfn-lint do: YAML 1.1
/// scalars, short-form intrinsic tags expanded to their long form, merge keys, and aliases expanded
/// under a node budget.
public struct YAMLLoader: Sendable {
    public var limits: LoadLimits
    /// Files at least this large are parsed on a thread of their own; tests lower it to compare
    /// the two ways of reading.
    var pipelineThreshold = YAMLEventStream.pipelineThreshold
    /// Files at least this large have their `Resources` block read in runs on all cores
    /// (`SplitTemplateRead`); tests lower it to compare that reading with the whole one.
    var splitThreshold = SplitTemplateRead.threshold
    var splitRunBytes = SplitTemplateRead.runBytes

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    public func load(_ source: SourceText) throws(Diagnostic) -> Document {
        guard source.bytes.count <= limits.maxDocumentBytes else {
            throw Diagnostic.tooLarge(source.name, size: source.bytes.count, limit: limits.maxDocumentBytes)
        }
        if source.bytes.count >= splitThreshold, let document = SplitTemplateRead(source: source, limits: limits, runBytes: splitRunBytes).document() {
            return document
        }
        var reader = YAMLEventReader(source: source, limits: limits, pipelineThreshold: pipelineThreshold)
        do {
            return try reader.read()
        } catch {
            throw error.withSource(source)
        }
    }
}

/// The state of one reading: the builder, the anchors seen, and the open collections.
struct YAMLEventReader {
    private struct Level {
        var isMap: Bool
        var expectingKey: Bool
        /// Set when the collection carries an intrinsic tag and so sits inside a `{Fn::X: …}` map.
        var wrapperID: Int32?
        var id: Int32
        var anchor: String?
    }

    let source: SourceText
    let pipelineThreshold: Int
    private(set) var builder: DocumentBuilder
    var anchors: [String: Int32] = [:]
    var keyAnchors: [String: (text: String, mark: Mark)] = [:]
    var openAnchors: Set<String> = []
    private var levels: [Level] = []
    var documents = 0
    /// Unknown tags seen, and where the first one not listed stands.
    var unknownTags = 0
    var firstUnlistedUnknownTag: Mark?

    /// Unknown tags beyond this many are counted rather than listed: each warning quotes its
    /// source line, and a file of a million unknown tags must cost neither quadratic time nor a
    /// million warnings.
    static let listedUnknownTags = 100

    /// Lines of the file above `source`, when it is a run of a larger file's lines.
    let lineOffset: UInt32
    /// For such a run, where it stops and where the collections its end closes end in the whole
    /// file: read alone, a run closes them where it stops, at the start of a line; in the whole
    /// file they close at the next token, further along that line.
    var runEnd: (stop: Mark, closing: Mark)?
    /// Whether any anchor was defined.
    var hasAnchors: Bool { !anchors.isEmpty || !keyAnchors.isEmpty || !openAnchors.isEmpty }

    init(source: SourceText, limits: LoadLimits, pipelineThreshold: Int, lineOffset: Int = 0) {
        self.source = source
        self.pipelineThreshold = pipelineThreshold
        self.lineOffset = UInt32(lineOffset)
        // Templates run 16 to 20 bytes of YAML per node; reserving for 16 spares the arena's arrays
        // from growing (and copying) while loading, and untouched reserve costs no memory.
        builder = DocumentBuilder(sourceName: source.name, limits: limits, expectedNodes: source.bytes.count / 16)
    }

    mutating func read() throws(Diagnostic) -> Document {
        try readEvents()
        return builder.build()
    }

    /// Reads the whole source into `builder`, which is then complete.
    mutating func readEvents() throws(Diagnostic) {
        try YAMLEventStream.forEachEvent(in: source, pipelineThreshold: pipelineThreshold) { (event) throws(Diagnostic) in try handle(event) }
        guard documents > 0, builder.isComplete else {
            throw Diagnostic(code: .emptyDocument, message: "the file holds no YAML document; expected a mapping such as a template", location: FileLocation(file: source.name, line: 1, column: 1))
        }
        if let first = firstUnlistedUnknownTag {
            builder.warnings.append(Diagnostic(
                .warning, code: .unknownTag,
                message: "\(unknownTags - Self.listedUnknownTags) more unknown intrinsic tags, from here on, are kept but not listed",
                location: location(first)))
        }
        builder.warnings = builder.warnings.map { $0.withSource(source) }
    }

    private func mark(_ mark: yaml_mark_t) -> Mark {
        var mark = Mark(mark)
        mark.line += lineOffset
        return mark
    }

    private mutating func handle(_ event: yaml_event_t) throws(Diagnostic) {
        let start = mark(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw Diagnostic(code: .multipleDocuments, message: "a second YAML document in one file; expected exactly one", location: location(start))
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            let tag = scalar.tag.map { String(cString: $0) }
            let anchor = scalar.anchor.map { String(cString: $0) }
            if isKeyPosition {
                let key = try keyText(text, tag: tag, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, at: start)
                if let anchor {
                    try checkNewAnchor(anchor, at: start)
                    keyAnchors[anchor] = (key.text, start)
                }
                try builder.appendKey(key.text, start: start, isMerge: key.isMerge)
                levels[levels.count - 1].expectingKey = false
            } else {
                let id = try appendScalar(text, tag: tag, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, start: start, end: mark(event.end_mark))
                if let anchor {
                    try checkNewAnchor(anchor, at: start)
                    anchors[anchor] = id
                }
                valueCompleted()
            }
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            if isKeyPosition {
                guard let text = aliasedKey(name) else {
                    throw try aliasProblem(name, at: start, asKey: true)
                }
                try builder.appendKey(text, start: start, isMerge: false)
                levels[levels.count - 1].expectingKey = false
            } else {
                if let id = anchors[name] {
                    try builder.appendCopy(of: id, aliasAt: start)
                } else if let key = keyAnchors[name] {
                    try builder.appendString(key.text, start: key.mark, end: key.mark)
                } else {
                    throw try aliasProblem(name, at: start, asKey: false)
                }
                valueCompleted()
            }
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            let isMap = event.type == YAML_MAPPING_START_EVENT
            if isKeyPosition {
                throw Diagnostic(code: .nonStringKey, message: "a \(isMap ? "mapping" : "sequence") used as a key; expected a string key", location: location(start))
            }
            let tagPointer = isMap ? event.data.mapping_start.tag : event.data.sequence_start.tag
            let anchorPointer = isMap ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            var wrapperID: Int32?
            if let tag = tagPointer.map({ String(cString: $0) }), let intrinsic = IntrinsicTag(tag) {
                wrapperID = try beginIntrinsic(intrinsic, at: start)
            }
            let id = try builder.beginContainer(isMap ? .map : .list, start: start)
            let anchor = anchorPointer.map { String(cString: $0) }
            if let anchor {
                try checkNewAnchor(anchor, at: start)
                openAnchors.insert(anchor)
            }
            levels.append(Level(isMap: isMap, expectingKey: isMap, wrapperID: wrapperID, id: id, anchor: anchor))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            var end = mark(event.end_mark)
            if let runEnd, end == runEnd.stop { end = runEnd.closing }
            let level = levels.removeLast()
            try builder.endContainer(end: end)
            if level.wrapperID != nil { try builder.endContainer(end: end) }
            if let anchor = level.anchor {
                openAnchors.remove(anchor)
                anchors[anchor] = level.wrapperID ?? level.id
            }
            valueCompleted()
        default:
            break
        }
    }

    private var isKeyPosition: Bool {
        guard let level = levels.last else { return false }
        return level.isMap && level.expectingKey
    }

    private mutating func valueCompleted() {
        if !levels.isEmpty, levels[levels.count - 1].isMap {
            levels[levels.count - 1].expectingKey = true
        }
    }

    private func location(_ mark: Mark) -> FileLocation {
        FileLocation(file: source.name, position: mark.location)
    }

    // MARK: Keys

    /// Keys must be strings: CloudFormation's are, and a key that YAML 1.1 reads as a number or a
    /// boolean (`80:`, `on:`) would silently change meaning.
    private func keyText(_ text: UnsafeBufferPointer<UInt8>, tag: String?, plain: Bool, at start: Mark) throws(Diagnostic) -> (text: String, isMerge: Bool) {
        let string = String(decoding: text, as: UTF8.self)
        if let tag, tag != "!", tag != "tag:yaml.org,2002:str" {
            throw Diagnostic(code: .nonStringKey, message: "a key tagged '\(tag)'; expected a plain string key", location: location(start))
        }
        guard plain, tag == nil else { return (string, false) }
        if string == "<<" { return (string, true) }
        let resolved = YAMLScalarResolver.resolve(text)
        guard resolved == .string else {
            throw Diagnostic(
                code: .nonStringKey,
                message: "the key '\(string)' reads as \(resolved.kindName) in YAML 1.1; expected a string key (quote it)",
                location: location(start))
        }
        return (string, false)
    }

    private func aliasedKey(_ name: String) -> String? {
        if let key = keyAnchors[name] { return key.text }
        if let id = anchors[name] { return builder.stringValue(of: id) }
        return nil
    }

    // MARK: Anchors and aliases

    private func checkNewAnchor(_ name: String, at start: Mark) throws(Diagnostic) {
        let previous = anchors[name].map { builder.start(of: $0) } ?? keyAnchors[name]?.mark
        if previous != nil || openAnchors.contains(name) {
            throw Diagnostic(
                code: .duplicateAnchor,
                message: "the anchor '&\(name)' is defined a second time; expected unique anchor names",
                location: location(start),
                notes: previous.map { [Diagnostic(.note, code: .duplicateAnchor, message: "'&\(name)' was first defined here", location: location($0))] } ?? [])
        }
    }

    private func aliasProblem(_ name: String, at start: Mark, asKey: Bool) throws(Diagnostic) -> Diagnostic {
        if openAnchors.contains(name) {
            return Diagnostic(code: .recursiveAlias, message: "the alias '*\(name)' refers to a node that contains it; expected an alias to a finished node", location: location(start))
        }
        if asKey, anchors[name] != nil {
            return Diagnostic(code: .nonStringKey, message: "the alias '*\(name)' used as a key is not a string; expected a string key", location: location(start))
        }
        return Diagnostic(code: .undefinedAlias, message: "the alias '*\(name)' has no anchor before it; expected '&\(name)' earlier in the document", location: location(start))
    }

    // MARK: Scalars

    private mutating func appendScalar(_ text: UnsafeBufferPointer<UInt8>, tag: String?, plain: Bool, start: Mark, end: Mark) throws(Diagnostic) -> Int32 {
        guard let tag, tag != "!" else {
            if plain {
                if levels.isEmpty && text.isEmpty {
                    throw Diagnostic(code: .emptyDocument, message: "the document is empty; expected a mapping such as a template", location: location(start))
                }
                return try appendResolved(text, start: start, end: end)
            }
            return try builder.appendString(String(decoding: text, as: UTF8.self), start: start, end: end)
        }
        if let intrinsic = IntrinsicTag(tag) {
            // A tagged scalar is never resolved: `!Ref 123` refers to the string "123".
            let wrapper = try beginIntrinsic(intrinsic, at: start)
            if intrinsic.isGetAtt {
                try builder.beginContainer(.list, start: start)
                if let dot = text.firstIndex(of: UInt8(ascii: ".")) {
                    try builder.appendString(String(decoding: text[..<dot], as: UTF8.self), start: start, end: end)
                    try builder.appendString(String(decoding: text[(dot + 1)...], as: UTF8.self), start: start, end: end)
                } else {
                    try builder.appendString(String(decoding: text, as: UTF8.self), start: start, end: end)
                }
                try builder.endContainer(end: end)
            } else {
                try builder.appendString(String(decoding: text, as: UTF8.self), start: start, end: end)
            }
            try builder.endContainer(end: end)
            return wrapper
        }
        return try appendExplicitlyTagged(text, tag: tag, start: start, end: end)
    }

    private mutating func appendResolved(_ text: UnsafeBufferPointer<UInt8>, start: Mark, end: Mark) throws(Diagnostic) -> Int32 {
        switch YAMLScalarResolver.resolve(text) {
        case .null: return try builder.appendScalar(kind: .null, payload: 0, start: start, end: end)
        case .bool(let flag): return try builder.appendScalar(kind: .bool, payload: flag ? 1 : 0, start: start, end: end)
        case .int(let number): return try builder.appendScalar(kind: .int, payload: number, start: start, end: end)
        case .float(let number): return try builder.appendScalar(kind: .float, payload: Int64(bitPattern: number.bitPattern), start: start, end: end)
        case .string: return try builder.appendString(String(decoding: text, as: UTF8.self), start: start, end: end)
        case .intOverflow:
            throw Diagnostic(
                code: .numberOutOfRange,
                message: "the integer \(String(decoding: text, as: UTF8.self)) does not fit in 64 bits; expected a smaller number, or quotes to keep it as a string",
                location: location(start))
        }
    }

    /// `!!str`, `!!int` and the other standard tags, which force a type on the scalar.
    private mutating func appendExplicitlyTagged(_ text: UnsafeBufferPointer<UInt8>, tag: String, start: Mark, end: Mark) throws(Diagnostic) -> Int32 {
        let standard = "tag:yaml.org,2002:"
        guard tag.hasPrefix(standard) else {
            throw Diagnostic(code: .invalidScalar, message: "the tag '\(tag)' is not supported; expected a CloudFormation tag such as !Ref or a standard YAML tag", location: location(start))
        }
        let name = tag.dropFirst(standard.count)
        let resolved = YAMLScalarResolver.resolve(text)
        let fits: Bool
        switch (name, resolved) {
        case ("str", _), ("binary", _), ("timestamp", _):
            return try builder.appendString(String(decoding: text, as: UTF8.self), start: start, end: end)
        case ("null", .null), ("bool", .bool), ("int", .int), ("float", .float): fits = true
        case ("float", .int(let number)):
            return try builder.appendScalar(kind: .float, payload: Int64(bitPattern: Double(number).bitPattern), start: start, end: end)
        default: fits = false
        }
        guard fits else {
            throw Diagnostic(code: .invalidScalar, message: "'\(String(decoding: text, as: UTF8.self))' is not a valid !!\(name); expected a value of that type", location: location(start))
        }
        return try appendResolved(text, start: start, end: end)
    }

    /// Opens the `{Fn::Name: …}` map that a short-form tag stands for; the caller closes it.
    private mutating func beginIntrinsic(_ intrinsic: IntrinsicTag, at start: Mark) throws(Diagnostic) -> Int32 {
        if !intrinsic.isKnown {
            unknownTags += 1
            if unknownTags <= Self.listedUnknownTags {
                builder.warnings.append(Diagnostic(
                    .warning, code: .unknownTag,
                    message: "unknown intrinsic tag '!\(intrinsic.longName.dropFirst(4))'; kept as '\(intrinsic.longName)'",
                    location: location(start)))
            } else if firstUnlistedUnknownTag == nil {
                firstUnlistedUnknownTag = start
            }
        }
        let wrapper = try builder.beginContainer(.map, start: start)
        try builder.appendKey(intrinsic.longName, start: start, isMerge: false)
        return wrapper
    }
}

extension ResolvedScalar {
    fileprivate var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .intOverflow: "an integer"
        case .float: "a float"
        case .string: "a string"
        }
    }
}

extension Diagnostic {
    static func tooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            code: .fileTooLarge,
            message: "the file is \(size) bytes, over the limit of \(limit) bytes for one document; expected a smaller file or a higher limit",
            location: FileLocation(file: file, line: 1, column: 1))
    }
}
