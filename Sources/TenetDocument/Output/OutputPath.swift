import Foundation

/// Where a command writes a file it generates (a report, an inventory, a baseline), and whether
/// that file may be replaced.
///
/// A regular file is written to a temporary name and renamed over the target, so a reader never
/// sees half of it. A device, pipe or socket (`-o /dev/null`, `-o /dev/stdout`, `>(gzip > r.gz)`)
/// is written in place: renaming over it would put a regular file where it was, and run as root,
/// `-o /dev/null` would leave the machine without its null device.
public enum OutputPath {
    public static func isWrittenInPlace(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && [S_IFCHR, S_IFIFO, S_IFSOCK].contains(status.st_mode & S_IFMT)
    }
}
