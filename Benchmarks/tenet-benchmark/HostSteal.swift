import Foundation

/// The share of this virtual machine's CPU time that its host gave to other guests (`steal` in
/// `/proc/stat`, `%st` in top) over an interval. On a shared host, figures taken minutes apart
/// differ by more than most changes do, so each is printed with the contention it was taken under.
struct HostSteal {
    private let start: (steal: Double, total: Double)?

    init() {
        start = Self.read()
    }

    /// `host stole 1.4% of CPU time`, since `init`; nil where `/proc/stat` cannot be read.
    var share: String? {
        guard let start, let now = Self.read(), now.total > start.total else { return nil }
        return String(format: "host stole %.1f%% of CPU time", 100 * (now.steal - start.steal) / (now.total - start.total))
    }

    /// The machine's steal and total CPU ticks since boot: the first eight fields of the `cpu`
    /// line (the guest fields after them are counted in user time already).
    private static func read() -> (steal: Double, total: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
        let fields = line.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
        guard fields.count == 8 else { return nil }
        return (fields[7], fields.reduce(0, +))
    }
}
