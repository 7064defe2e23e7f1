import Foundation

/// Reads a file from disk and loads it as JSON or YAML, by extension and then by content.
///
/// The size limit is checked against the file's size before a byte is read, so a 100 GB file is
/// refused at once rather than after filling memory.
public struct DocumentLoader: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    public func load(contentsOf path: String) throws(Diagnostic) -> Document {
        try load(try readSource(path))
    }

    /// Loads text already in memory; `format` nil means detect it from the name and content.
    public func load(_ source: SourceText, format: DocumentFormat? = nil) throws(Diagnostic) -> Document {
        if let format = format ?? DocumentFormat.fromExtension(of: source.name) {
            return try load(source, as: format)
        }
        guard DocumentFormat.sniff(source.bytes) == .json else {
            return try load(source, as: .yaml)
        }
        do {
            return try load(source, as: .json)
        } catch let jsonError {
            // `{ a: 1 }` is YAML flow style, not broken JSON.
            if let document = try? load(source, as: .yaml) { return document }
            throw jsonError
        }
    }

    public func load(_ source: SourceText, as format: DocumentFormat) throws(Diagnostic) -> Document {
        switch format {
        case .json: try JSONLoader(limits: limits).load(source)
        case .yaml: try YAMLLoader(limits: limits).load(source)
        }
    }

    /// Reads a file's bytes, refusing directories, unreadable files and files over the limit.
    public func readSource(_ path: String) throws(Diagnostic) -> SourceText {
        let start = FileLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic(code: .unreadableFile, message: "no such file; expected a path to a JSON or YAML file", location: start)
        }
        guard !isDirectory.boolValue else {
            throw Diagnostic(code: .unreadableFile, message: "this is a directory; expected a JSON or YAML file", location: start)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.maxDocumentBytes else {
            throw Diagnostic.tooLarge(path, size: size, limit: limits.maxDocumentBytes)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Diagnostic(code: .unreadableFile, message: "the file cannot be opened for reading (check its permissions)", location: start)
        }
        defer { close(descriptor) }
        // Read one byte past the limit so a file that grew after the size check is still refused.
        let bytes: [UInt8]
        do {
            bytes = try Self.read(descriptor, expecting: size, upTo: limits.maxDocumentBytes == .max ? .max : limits.maxDocumentBytes + 1)
        } catch {
            throw Diagnostic(code: .unreadableFile, message: "the file could not be read: \(String(cString: strerror(error.code)))", location: start)
        }
        guard bytes.count <= limits.maxDocumentBytes else {
            throw Diagnostic.tooLarge(path, size: bytes.count, limit: limits.maxDocumentBytes)
        }
        return SourceText(name: path, bytes: bytes)
    }

    private struct ReadError: Error {
        var code: Int32
    }

    /// Reads up to `limit` bytes straight into the array the loaders parse. Read through `Data`,
    /// a large template's bytes were faulted into memory and copied twice before parsing began.
    /// The array is sized for the file's size and one byte more, to notice a file still growing;
    /// only such a file is read on in pieces.
    private static func read(_ descriptor: Int32, expecting size: Int, upTo limit: Int) throws(ReadError) -> [UInt8] {
        var failure: Int32 = 0
        let capacity = min(size, limit - 1) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read > 0 {
                    count += read
                } else if read == 0 || errno != EINTR {
                    if read < 0 { failure = errno }
                    return
                }
            }
        }
        let grew = bytes.count == capacity
        var piece = [UInt8](repeating: 0, count: grew ? 1 << 16 : 0)
        while grew, failure == 0, bytes.count < limit {
            let read = Foundation.read(descriptor, &piece, min(piece.count, limit - bytes.count))
            if read > 0 {
                bytes.append(contentsOf: piece[..<read])
            } else if read == 0 {
                break
            } else if errno != EINTR {
                failure = errno
            }
        }
        guard failure == 0 else { throw ReadError(code: failure) }
        return bytes
    }
}
