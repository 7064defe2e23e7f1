import Foundation
import Testing
import TenetReports
import TenetScan

/// The progress bar drawn into a buffer on a clock the test moves: when it appears, how it is
/// redrawn in place, and that it leaves a blank line behind.
@Suite struct ProgressBarTests {
    /// A clock and a terminal the test controls.
    final class Terminal: @unchecked Sendable {
        private let lock = NSLock()
        private var time = 0.0
        private var writes: [String] = []

        var now: Double {
            lock.withLock { time }
        }

        func advance(_ seconds: Double) {
            lock.withLock { time += seconds }
        }

        func write(_ text: String) {
            lock.withLock { writes.append(text) }
        }

        var written: [String] {
            lock.withLock { writes }
        }

        func bar(eagerDocuments: Int = 50) -> ProgressBar {
            ProgressBar(noun: "templates", delay: 1, interval: 0.1, eagerDocuments: eagerDocuments, clock: { self.now }, write: { self.write($0) })
        }
    }

    static func snapshot(_ done: Int, of total: Int, evaluations: Int, of evaluationTotal: Int) -> ScanProgress.Snapshot {
        ScanProgress.Snapshot(documentsDone: done, documents: total, evaluationsDone: evaluations, evaluations: evaluationTotal)
    }

    @Test func aQuickRunDrawsNothing() {
        let terminal = Terminal()
        let bar = terminal.bar()
        bar.update(Self.snapshot(0, of: 3, evaluations: 0, of: 30))
        terminal.advance(0.5)
        bar.update(Self.snapshot(3, of: 3, evaluations: 30, of: 30))
        bar.finish()
        #expect(terminal.written.isEmpty)
    }

    @Test func aLongRunIsDrawnInPlaceThenBlanked() {
        let terminal = Terminal()
        let bar = terminal.bar()
        bar.update(Self.snapshot(0, of: 8, evaluations: 0, of: 400))
        terminal.advance(1.2)
        bar.update(Self.snapshot(3, of: 8, evaluations: 150, of: 400))
        terminal.advance(0.05)
        bar.update(Self.snapshot(4, of: 8, evaluations: 160, of: 400))
        terminal.advance(0.1)
        bar.update(Self.snapshot(8, of: 8, evaluations: 400, of: 400))
        bar.finish()
        let first = "checking [#########---------------]  37%  3/8 templates"
        let second = "checking [########################] 100%  8/8 templates"
        #expect(terminal.written == [
            "\r" + first,
            "\r" + second,
            "\r" + String(repeating: " ", count: second.count) + "\r",
        ])
    }

    @Test func aShorterLineOverwritesTheLongerOneBeforeIt() {
        let terminal = Terminal()
        let bar = terminal.bar(eagerDocuments: 2)
        bar.update(Self.snapshot(0, of: 10, evaluations: 0, of: 10))
        terminal.advance(0.2)
        bar.update(Self.snapshot(10, of: 10, evaluations: 10, of: 10))
        let written = terminal.written
        #expect(written.count == 2)
        #expect(written[0] == "\rchecking [------------------------]   0%  0/10 templates")
        #expect(written[1] == "\rchecking [########################] 100%  10/10 templates")
        #expect(written.allSatisfy { !$0.contains("\u{1B}") }, "plain characters only, for any terminal")
    }
}
