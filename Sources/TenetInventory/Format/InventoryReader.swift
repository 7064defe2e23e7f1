import Foundation
import TenetDocument

/// Reads an inventory file one resource at a time, so memory stays flat however many resources
/// the file holds: only the current line and its parsed resource are alive.
public final class InventoryReader {
    public let path: String
    public private(set) var header: SnapshotHeader
    private let lines: LineReader
    private let loader: JSONLoader

    /// `maxLineBytes` bounds one resource, not the file.
    public init(path: String, maxLineBytes: Int = 64 << 20) throws(Diagnostic) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic(code: .unreadableFile, message: "the inventory cannot be opened; expected a readable inventory file", location: FileLocation(file: path, line: 1, column: 1))
        }
        lines = LineReader(handle: handle, path: path, maxLineBytes: maxLineBytes)
        var limits = LoadLimits.default
        limits.maxDocumentBytes = maxLineBytes
        loader = JSONLoader(limits: limits)
        guard let first = try lines.next() else {
            throw Diagnostic(code: .emptyDocument, message: "the inventory is empty; expected a header line", location: FileLocation(file: path, line: 1, column: 1))
        }
        header = try InventoryLineDecoder(path: path, lineNumber: first.number).header(try Self.parse(first, path: path, loader: loader))
    }

    /// The next resource, or nil at the end of the file.
    public func next() throws(Diagnostic) -> InventoryResource? {
        while let line = try lines.next() {
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return try InventoryLineDecoder(path: path, lineNumber: line.number).resource(try Self.parse(line, path: path, loader: loader))
        }
        return nil
    }

    private static func parse(_ line: LineReader.Line, path: String, loader: JSONLoader) throws(Diagnostic) -> Node {
        do {
            return try loader.load(SourceText(name: path, bytes: Array(line.bytes))).root
        } catch {
            // The line was parsed on its own; put the error back on its line of the file.
            var moved = error
            if let location = error.location { moved.location = FileLocation(file: path, line: line.number, column: location.column) }
            moved.sourceLine = String(decoding: line.bytes.prefix(400), as: UTF8.self)
            throw moved
        }
    }

}

/// Turns one parsed line into a header or a resource, with errors located on that line.
private struct InventoryLineDecoder {
    let path: String
    let lineNumber: Int

    private func invalid(_ node: Node, _ message: String) -> Diagnostic {
        Diagnostic(code: .invalidInventory, message: message, location: FileLocation(file: path, line: lineNumber, column: node.location.column))
    }

    private func string(_ node: Node, _ key: String, required: Bool = true) throws(Diagnostic) -> String? {
        guard let value = node[key] else {
            if required { throw invalid(node, "missing '\(key)'; expected a string") }
            return nil
        }
        guard let text = value.stringValue else { throw invalid(value, "'\(key)' is \(value.kind); expected a string") }
        return text
    }

    func header(_ node: Node) throws(Diagnostic) -> SnapshotHeader {
        guard node.kind == .map, let version = node["schemaVersion"]?.intValue else {
            throw invalid(node, "the first line is not an inventory header; expected {\"schemaVersion\": \(SnapshotHeader.currentSchemaVersion), …}")
        }
        guard version <= SnapshotHeader.currentSchemaVersion else {
            throw Diagnostic(
                code: .unsupportedInventoryVersion,
                message: "the inventory has schema version \(version), newer than this Tenet reads (\(SnapshotHeader.currentSchemaVersion)); expected an upgrade of Tenet",
                location: FileLocation(file: path, line: 1, column: 1))
        }
        let capturedText = try string(node, "capturedAt")!
        guard let capturedAt = InventoryFormat.date(capturedText) else { throw invalid(node, "capturedAt '\(capturedText)' is not an RFC 3339 time") }
        let collectorText = try string(node, "collector")!
        guard let collector = SnapshotHeader.Collector(rawValue: collectorText) else {
            throw invalid(node, "unknown collector '\(collectorText)'; expected one of \(SnapshotHeader.Collector.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let sourceNode = node["source"], let (kind, body) = sourceNode.entries.first else { throw invalid(node, "missing 'source'") }
        let source: SnapshotHeader.Source
        switch kind {
        case "templates": source = .templates(paths: body.children.compactMap(\.stringValue))
        case "awsConfig": source = .awsConfig(files: body.children.compactMap(\.stringValue))
        case "aws": source = .aws(account: body["account"]?.stringValue, regions: body["regions"]?.children.compactMap(\.stringValue) ?? [], endpoint: body["endpoint"]?.stringValue)
        default: throw invalid(sourceNode, "unknown source '\(kind)'; expected templates, aws or awsConfig")
        }
        let completeness: SnapshotHeader.Completeness
        if node["complete"]?.boolValue == false {
            var failed: [ResourceType: String] = [:]
            for (type, reason) in node["failedTypes"]?.entries ?? [] { failed[ResourceType(type)] = reason.stringValue ?? "" }
            completeness = .partial(failedTypes: failed)
        } else {
            completeness = .complete
        }
        return SnapshotHeader(schemaVersion: Int(version), capturedAt: capturedAt, collector: collector, source: source, completeness: completeness)
    }

    func resource(_ node: Node) throws(Diagnostic) -> InventoryResource {
        guard node.kind == .map else { throw invalid(node, "a resource line holds \(node.kind); expected an object") }
        guard let properties = node["properties"], properties.kind == .map else {
            throw invalid(node, "missing 'properties'; expected an object")
        }
        var tags: [String: String] = [:]
        for (key, value) in node["tags"]?.entries ?? [] { tags[key] = value.stringValue ?? "" }
        var relationships: [ResourceRelationship] = []
        for link in node["relationships"].map({ Array($0.children) }) ?? [] {
            guard let kind = link["kind"]?.stringValue.flatMap(ResourceRelationship.Kind.init(rawValue:)), let target = link["target"]?.stringValue else {
                throw invalid(link, "a relationship needs a known 'kind' (\(ResourceRelationship.Kind.allCases.map(\.rawValue).joined(separator: ", "))) and a 'target'")
            }
            relationships.append(ResourceRelationship(kind, ResourceID(target)))
        }
        var source: FileLocation?
        if let sourceNode = node["source"], let file = sourceNode["file"]?.stringValue {
            source = FileLocation(file: file, line: Int(sourceNode["line"]?.intValue ?? 0), column: Int(sourceNode["column"]?.intValue ?? 0))
        }
        var unresolved: [UnresolvedValue] = []
        for (path, dependency) in node["unresolved"]?.entries ?? [] {
            guard let pointer = JSONPointer(parsing: path), let dependsOn = dependency.stringValue else {
                throw invalid(dependency, "an unresolved entry needs a JSON pointer key and a string naming what it depends on")
            }
            unresolved.append(UnresolvedValue(path: pointer, dependsOn: dependsOn))
        }
        return InventoryResource(
            type: ResourceType(try string(node, "type")!), id: ResourceID(try string(node, "id")!),
            name: try string(node, "name", required: false), account: try string(node, "account", required: false),
            region: try string(node, "region", required: false), tags: tags, properties: properties,
            relationships: relationships, source: source, unresolved: unresolved)
    }
}

/// Splits a file into lines without reading it whole.
final class LineReader {
    struct Line {
        var number: Int
        var bytes: ArraySlice<UInt8>
    }

    private let handle: FileHandle
    private let path: String
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private(set) var lineNumber = 0

    init(handle: FileHandle, path: String, maxLineBytes: Int) {
        self.handle = handle
        self.path = path
        self.maxLineBytes = maxLineBytes
    }

    func next() throws(Diagnostic) -> Line? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                let line = Line(number: lineNumber, bytes: buffer[start..<newline])
                start = newline + 1
                return line
            }
            if buffer.count - start > maxLineBytes {
                throw Diagnostic(code: .fileTooLarge, message: "line \(lineNumber + 1) is longer than \(maxLineBytes) bytes; expected one resource per line", location: FileLocation(file: path, line: lineNumber + 1, column: 1))
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                lineNumber += 1
                let line = Line(number: lineNumber, bytes: buffer[start...])
                start = buffer.count
                return line
            }
            // Keep only the unfinished line, then read more.
            buffer.removeSubrange(0..<start)
            searchFrom = buffer.count
            start = 0
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw Diagnostic(code: .unreadableFile, message: "reading failed: \(error.localizedDescription)", location: FileLocation(file: path, line: lineNumber + 1, column: 1))
            }
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEnd = true }
        }
    }

    deinit { try? handle.close() }
}
