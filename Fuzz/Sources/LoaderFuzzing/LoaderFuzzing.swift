import TenetDocument

/// What every fuzz input must survive: loading, and for a loaded document everything a command
/// then does with it — paths, locations, copying out values, and printing it as `tenet parse` does.
public enum LoaderFuzzing {
    /// Tighter than the defaults so that one input costs milliseconds, yet loose enough that the
    /// fuzzer reaches the bounds themselves (deep nesting, alias expansion) within `-max_len`.
    static let limits = LoadLimits(maxDocumentBytes: 1 << 20, maxDepth: 512, maxAliasNodes: 20_000)

    public static func exercise(_ format: DocumentFormat, with bytes: UnsafeBufferPointer<UInt8>) {
        let source = SourceText(name: "fuzz.\(format.rawValue)", bytes: Array(bytes))
        let document: Document
        do {
            document = try DocumentLoader(limits: limits).load(source, as: format)
        } catch {
            precondition(error.location != nil, "every refusal points at a location: \(error)")
            _ = DiagnosticRenderer(useColor: false).render(error)
            return
        }
        for diagnostic in document.warnings {
            _ = DiagnosticRenderer(useColor: false).render(diagnostic)
        }
        var last = document.root
        for id in 0..<Int32(document.nodeCount) {
            let node = Node(document: document, id: id)
            precondition(document.root.at(node.path) != nil, "the path \(node.path) of node \(id) leads nowhere")
            last = node
        }
        _ = last.fileLocation
        checkRoundTrip(of: document)
    }

    /// The JSON that `tenet parse` prints must read back, with the JSON loader, as the same data.
    private static func checkRoundTrip(of document: Document) {
        let value = document.root.value
        guard value.isFinite else { return }
        let printed = JSONWriter(style: .compact).string(for: document.root)
        let unlimited = LoadLimits(maxDocumentBytes: .max, maxDepth: limits.maxDepth + 1, maxAliasNodes: 0)
        do {
            let reread = try JSONLoader(limits: unlimited).load(SourceText(name: "printed.json", bytes: Array(printed.utf8)))
            precondition(reread.root.value == value, "the printed JSON reads back as different data: \(printed)")
        } catch {
            preconditionFailure("the printed JSON does not read back: \(error)\n\(printed)")
        }
    }
}

extension Value {
    /// JSON cannot carry NaN or infinities, so documents holding them have no round trip to check.
    fileprivate var isFinite: Bool {
        var pending = [self]
        while let value = pending.popLast() {
            switch value {
            case .float(let number) where !number.isFinite: return false
            case .list(let elements): pending.append(contentsOf: elements)
            case .map(let entries): pending.append(contentsOf: entries.map(\.value))
            default: continue
            }
        }
        return true
    }
}
