import Foundation
import TenetScan

/// A one-line progress bar for a terminal, redrawn in place with `\r` while a long scan runs and
/// blanked out when it ends, so the report that follows starts on a clean line.
///
/// It shows itself only for a long run — once `delay` has passed, or from the start when there
/// are at least `eagerDocuments` documents — and redraws at most every `interval`, so a quick
/// check prints nothing and a large one costs a few writes a second. It writes plain characters
/// only (no escape sequences), so it works on any terminal, `TERM=dumb` included; whether to
/// show it at all (standard error a terminal) is the caller's decision.
public final class ProgressBar: @unchecked Sendable {
    /// Seconds on a monotonic clock.
    public typealias Clock = @Sendable () -> Double

    public static let systemClock: Clock = { ProcessInfo.processInfo.systemUptime }
    static let barWidth = 24

    private let noun: String
    private let delay: Double
    private let interval: Double
    private let eagerDocuments: Int
    private let clock: Clock
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private let start: Double
    private var lastDrawn: Double?
    private var drawnWidth = 0

    /// `noun` names the documents ("templates", "inventories"); `write` receives what to print,
    /// unbuffered.
    public init(
        noun: String, delay: Double = 1, interval: Double = 0.1, eagerDocuments: Int = 50, clock: @escaping Clock = ProgressBar.systemClock,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.noun = noun
        self.delay = delay
        self.interval = interval
        self.eagerDocuments = eagerDocuments
        self.clock = clock
        self.write = write
        start = clock()
    }

    /// A progress the engine reports to, drawn by this bar.
    public func tracking() -> ScanProgress {
        ScanProgress { [self] snapshot in update(snapshot) }
    }

    public func update(_ snapshot: ScanProgress.Snapshot) {
        lock.lock()
        defer { lock.unlock() }
        let now = clock()
        if let lastDrawn {
            guard now - lastDrawn >= interval else { return }
        } else {
            guard now - start >= delay || snapshot.documents >= eagerDocuments else { return }
        }
        let line = Self.line(snapshot, noun: noun)
        write("\r" + line + String(repeating: " ", count: max(drawnWidth - line.count, 0)))
        drawnWidth = max(drawnWidth, line.count)
        lastDrawn = now
    }

    /// Blanks the bar out, if it was ever drawn.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard drawnWidth > 0 else { return }
        write("\r" + String(repeating: " ", count: drawnWidth) + "\r")
        drawnWidth = 0
    }

    /// `checking [#########---------------]  37%  12/200 templates`
    static func line(_ snapshot: ScanProgress.Snapshot, noun: String) -> String {
        let fraction = min(max(snapshot.fraction, 0), 1)
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
        let percent = String(Int((fraction * 100).rounded(.down)))
        let padding = String(repeating: " ", count: 3 - percent.count)
        return "checking [\(bar)] \(padding)\(percent)%  \(snapshot.documentsDone)/\(snapshot.documents) \(noun)"
    }
}
