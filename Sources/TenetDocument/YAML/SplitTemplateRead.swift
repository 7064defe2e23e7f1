import Foundation

/// Reads a large template with its `Resources` block cut into runs of entries
/// (`ResourceBlockSplit`), each run read by a libyaml parser of its own on all cores, and the
/// rest of the file — the frame — read with the block left out. The document is the one a whole
/// reading gives, node for node and location for location.
///
/// A whole reading is one parser's work: libyaml scans on one core while the tree is built on
/// another, and each waits on the other. Read in runs, every core scans and builds at once. Any
/// doubt — a run that does not parse, an anchor (an alias may cross runs), a warning (they are
/// counted across the file), a frame whose `Resources` is not the block — gives nil, and the
/// file is read whole, which also gives any error its place and wording.
struct SplitTemplateRead {
    /// Files smaller than this are read whole: the cores have other files to read, or little
    /// to share.
    static let threshold = 2 << 20
    /// Bytes of entries per run: enough that a parser's start costs nothing beside its reading,
    /// small enough that the cores share the block evenly.
    static let runBytes = 256 << 10

    let source: SourceText
    let limits: LoadLimits
    var runBytes = Self.runBytes

    func document() -> Document? {
        guard let split = source.bytes.withUnsafeBufferPointer({ ResourceBlockSplit($0, runBytes: runBytes) }) else { return nil }
        do {
            return try read(split)
        } catch {
            return nil
        }
    }

    /// What each part of the file reads into: the frame a document, a run the entries it holds.
    private enum Part: Sendable {
        case frame(Document)
        case run(DocumentBuilder)
    }

    /// Why a reading in runs was given up; never shown: the file is then read whole.
    private static let unsplittable = Diagnostic(code: .yamlSyntax, message: "the Resources block could not be read in runs")

    private func read(_ split: ResourceBlockSplit) throws(Diagnostic) -> Document {
        let source = source
        let limits = limits
        var builder = DocumentBuilder(sourceName: source.name, limits: limits, expectedNodes: source.bytes.count / 16)
        var frame: Document?
        var resources: Node?
        var runsRead = 0
        try (0..<split.runs.count + 1).concurrentMap(window: 4 * ProcessInfo.processInfo.activeProcessorCount, { part in
            guard part > 0 else { return Self.readFrame(of: source, without: split.block, limits: limits) }
            return Self.readRun(part - 1, of: split, in: source, limits: limits)
        }, inOrder: { (part: Result<Part, Diagnostic>) throws(Diagnostic) in
            switch try part.get() {
            case .frame(let document):
                let root = document.root
                guard root.kind == .map, let entry = root["Resources"], entry.kind == .null else { throw Self.unsplittable }
                frame = document
                resources = entry
                try builder.beginContainer(.map, start: Mark(root.location))
                for child in root.children {
                    try builder.appendKey(child.keyInParent!, start: Mark(child.keyLocation), isMerge: false)
                    if child == entry { break }
                    try builder.appendCopy(of: child, keepingLocations: true)
                }
                let first = split.runs[0]
                try builder.beginContainer(.map, start: Mark(line: UInt32(first.firstLine + 1), column: UInt32(split.indent + 1)))
            case .run(let run):
                try builder.appendEntries(of: run)
                runsRead += 1
                guard runsRead == split.runs.count, let frame, let resources else { return }
                try builder.endContainer(end: run.end(of: 0))
                for child in frame.root.children.drop(while: { $0 != resources }).dropFirst() {
                    try builder.appendKey(child.keyInParent!, start: Mark(child.keyLocation), isMerge: false)
                    try builder.appendCopy(of: child, keepingLocations: true)
                }
                try builder.endContainer(end: Mark(frame.root.endLocation))
            }
        })
        guard builder.isComplete else { throw Self.unsplittable }
        return builder.build()
    }

    /// The file with the block's lines left empty: every line and column outside it where it was.
    private static func readFrame(of source: SourceText, without block: Range<Int>, limits: LoadLimits) -> Result<Part, Diagnostic> {
        var bytes = Array(source.bytes[..<block.lowerBound])
        let blockBytes = source.bytes[block]
        let lastBreak = blockBytes.lastIndex(of: UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: blockBytes.lazy.filter { $0 == UInt8(ascii: "\n") }.count))
        bytes.appendSpaces(block.upperBound - (lastBreak.map { $0 + 1 } ?? block.lowerBound))
        bytes.append(contentsOf: source.bytes[block.upperBound...])
        var reader = YAMLEventReader(source: SourceText(name: source.name, bytes: bytes), limits: limits, pipelineThreshold: .max)
        return Result { () throws(Diagnostic) in
            let document = try reader.read()
            guard !reader.hasAnchors, document.warnings.isEmpty else { throw Self.unsplittable }
            return .frame(document)
        }
    }

    /// A run read alone, one level deeper than its entries stand in the file; the collections its
    /// end closes are given the ends a whole reading gives them, at the next run's first key.
    private static func readRun(_ index: Int, of split: ResourceBlockSplit, in source: SourceText, limits: LoadLimits) -> Result<Part, Diagnostic> {
        let run = split.runs[index]
        var runLimits = limits
        runLimits.maxDepth -= 1
        var reader = YAMLEventReader(
            source: SourceText(name: source.name, bytes: Array(source.bytes[run.bytes])), limits: runLimits, pipelineThreshold: .max, lineOffset: run.firstLine)
        if index + 1 < split.runs.count {
            let nextLine = UInt32(split.runs[index + 1].firstLine + 1)
            reader.runEnd = (stop: Mark(line: nextLine, column: 1), closing: Mark(line: nextLine, column: UInt32(split.indent + 1)))
        }
        return Result { () throws(Diagnostic) in
            try reader.readEvents()
            let builder = reader.builder
            guard !reader.hasAnchors, builder.warnings.isEmpty, builder.isMapFragment else { throw Self.unsplittable }
            return .run(builder)
        }
    }
}
