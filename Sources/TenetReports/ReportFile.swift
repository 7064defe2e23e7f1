import Foundation

/// A report file written as its encoder makes it: into a temporary file beside it, renamed over
/// it at the end, so a reader never sees half a report and a report on every resource of a large
/// run is never held whole (a JSON report is twice the size of the text one). Every file a
/// command generates is written through it.
public enum ReportFile {
    /// Writes what `produce` hands on to `path`; throws the first failed write, leaving no
    /// temporary file and `path` as it was.
    public static func write(to path: String, _ produce: (_ write: ([UInt8]) -> Void) -> Void) throws {
        let temporary = URL(fileURLWithPath: path).deletingLastPathComponent()
            .appending(path: ".\(URL(fileURLWithPath: path).lastPathComponent).\(getpid()).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        var failure: Error?
        produce { bytes in
            guard failure == nil else { return }
            do { try handle.write(contentsOf: bytes) } catch { failure = error }
        }
        do {
            try handle.close()
            if let failure { throw failure }
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
