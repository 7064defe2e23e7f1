import Foundation
import TenetDocument

/// A report file written as its encoder makes it: into a temporary file beside it, renamed over
/// it at the end, so a reader never sees half a report and a report on every resource of a large
/// run is never held whole (a JSON report is twice the size of the text one). Every file a
/// command generates is written through it.
///
/// Only a regular file is replaced that way; a device or pipe is written in place
/// (`OutputPath`), and a symbolic link keeps pointing where it did: the file it names is the one
/// replaced.
public enum ReportFile {
    /// Writes what `produce` hands on to `path`; throws the first failed write, leaving no
    /// temporary file and `path` as it was.
    public static func write(to path: String, _ produce: (_ write: ([UInt8]) -> Void) -> Void) throws {
        if OutputPath.isWrittenInPlace(path) {
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
            try write(into: handle, produce)
            return
        }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let temporary = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).\(getpid()).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        do {
            try write(into: handle, produce)
            guard rename(temporary, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    private static func write(into handle: FileHandle, _ produce: (_ write: ([UInt8]) -> Void) -> Void) throws {
        var failure: Error?
        produce { bytes in
            guard failure == nil else { return }
            do { try handle.write(contentsOf: bytes) } catch { failure = error }
        }
        try handle.close()
        if let failure { throw failure }
    }
}
