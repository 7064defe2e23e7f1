import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TenetDocument

/// Writes an inventory file: the header, then resources one line each, in the order given.
///
/// Everything goes to a temporary file beside the target, renamed over it by `commit()`, so a
/// run that fails half-way never leaves a half-written inventory where a reader would find it;
/// a device or pipe is written in place (`OutputPath`).
public final class InventoryWriter {
    /// Nil when writing to standard output.
    public let path: String?
    /// Nil when writing in place: to standard output, a device or a pipe.
    private let temporaryPath: String?
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var committed = false

    public init(path: String, header: SnapshotHeader) throws(Diagnostic) {
        self.path = path
        if OutputPath.isWrittenInPlace(path) {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw Diagnostic(code: .inventoryWriteFailed, message: "cannot open it for writing; expected a writable file, device or pipe", location: FileLocation(file: path, line: 1, column: 1))
            }
            temporaryPath = nil
            self.handle = handle
            append(InventoryFormat.headerValue(header))
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporaryPath = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString).partial"
        self.temporaryPath = temporaryPath
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil), let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw Diagnostic(code: .inventoryWriteFailed, message: "cannot create a file in \(directory.isEmpty ? "." : directory); expected a writable directory", location: FileLocation(file: path, line: 1, column: 1))
        }
        self.handle = handle
        append(InventoryFormat.headerValue(header))
    }

    /// Streams to standard output, for pipes; there is no file to rename into place.
    public init(standardOutputWith header: SnapshotHeader) {
        path = nil
        temporaryPath = nil
        handle = FileHandle.standardOutput
        append(InventoryFormat.headerValue(header))
    }

    /// Writes many resources, encoding their lines on all cores: encoding (and hashing) a line
    /// costs more than parsing it did.
    public func write(contentsOf resources: [InventoryResource]) throws(Diagnostic) {
        let chunk = 2048
        let chunks = stride(from: 0, to: resources.count, by: chunk).map { resources[$0..<min($0 + chunk, resources.count)] }
        let encoded = chunks.concurrentMap { slice in
            var bytes: [UInt8] = []
            for resource in slice { Self.appendLine(InventoryFormat.resourceValue(resource), to: &bytes) }
            return bytes
        }
        for bytes in encoded {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 20 { try flush() }
        }
    }

    public func write(_ resource: InventoryResource) throws(Diagnostic) {
        append(InventoryFormat.resourceValue(resource))
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Makes the file visible under its name. Until then readers see the previous file, if any.
    public func commit() throws(Diagnostic) {
        try flush()
        guard let path else {
            committed = true
            return
        }
        do {
            if temporaryPath != nil { try handle.synchronize() }
            try handle.close()
        } catch {
            throw Diagnostic(code: .inventoryWriteFailed, message: "the inventory could not be written: \(error.localizedDescription)", location: FileLocation(file: path, line: 1, column: 1))
        }
        guard let temporaryPath else {
            committed = true
            return
        }
        // rename(2) replaces an existing file atomically. Foundation's replaceItemAt on Linux
        // failed with "the file doesn't exist" after removing the old inventory.
        guard rename(temporaryPath, path) == 0 else {
            throw Diagnostic(code: .inventoryWriteFailed, message: "the inventory could not be written: \(String(cString: strerror(errno)))", location: FileLocation(file: path, line: 1, column: 1))
        }
        committed = true
    }

    private func append(_ value: Value) {
        Self.appendLine(value, to: &buffer)
    }

    /// One JSON Lines line: compact JSON and a newline.
    private static func appendLine(_ value: Value, to bytes: inout [UInt8]) {
        JSONWriter(style: .compact).write(Document(value: value).root, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    private func flush() throws(Diagnostic) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw Diagnostic(code: .inventoryWriteFailed, message: "the inventory could not be written: \(error.localizedDescription)", location: FileLocation(file: path ?? "<stdout>", line: 1, column: 1))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        if !committed, let temporaryPath {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }
}
