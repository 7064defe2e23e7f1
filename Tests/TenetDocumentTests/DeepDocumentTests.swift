import Foundation
import Testing
import TenetDocument

/// Loading is iterative, but copying values out, comparing, printing and expanding aliases recurse
/// once per level. The depth bound (512) is what keeps that safe, so it is checked where stacks are
/// smallest: a secondary thread with 512 KiB, the size of a Darwin secondary thread's default stack.
@Suite struct DeepDocumentTests {
    static let depth = LoadLimits.default.maxDepth

    /// The root map, 256 levels down to an alias of an anchored 255 levels: `depth` in all.
    static let deepestAccepted = "{anchor: &deep \(nested(255, around: "leaf")), copy: \(nested(256, around: "*deep"))}"

    /// `count` containers, maps and lists alternating, around `inner`.
    static func nested(_ count: Int, around inner: String) -> String {
        (0..<count).reduce(inner) { text, level in level.isMultiple(of: 2) ? "[\(text)]" : "{k: \(text)}" }
    }

    @Test func deepestAcceptedDocumentIsSafeOnASmallStack() throws {
        let outcome = runOnSmallStack { () throws(Diagnostic) -> Outcome in
            let document = try load(Self.deepestAccepted, as: .yaml)
            let value = document.root.value
            let rebuilt = Document(value: value)
            let printed = JSONWriter(style: .pretty, includeLocations: true).string(for: document.root)
            let reread = try load(JSONWriter(style: .compact).string(for: document.root), as: .json)
            let deepest = (0..<Int32(document.nodeCount)).map { Node(document: document, id: $0).path.components.count }.max()
            return Outcome(
                readsBackEqual: rebuilt.root.value == value && reread.root.value == value,
                differenceFound: DataDifference.first(reread.root, rebuilt.root) != nil,
                printedLocations: printed.contains("\"line\""),
                deepestPath: deepest ?? 0)
        }
        #expect(try outcome.get() == Outcome(readsBackEqual: true, differenceFound: false, printedLocations: true, deepestPath: Self.depth))
    }

    @Test func oneLevelMoreIsRefused() {
        let refusal = refusal(of: "[\(Self.deepestAccepted)]", as: .yaml)
        #expect(refusal?.code == .nestingTooDeep)
    }

    private struct Outcome: Equatable, Sendable {
        var readsBackEqual: Bool
        var differenceFound: Bool
        var printedLocations: Bool
        var deepestPath: Int
    }

    /// Runs `body` on a thread with a 512 KiB stack and returns its result.
    private func runOnSmallStack(_ body: @escaping @Sendable () throws(Diagnostic) -> Outcome) -> Result<Outcome, Diagnostic> {
        let box = ResultBox()
        let thread = Thread {
            box.set(Result { () throws(Diagnostic) in try body() })
        }
        thread.stackSize = 512 << 10
        thread.start()
        return box.wait()
    }

    /// A result handed from the small-stack thread back to the test.
    private final class ResultBox: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<Outcome, Diagnostic>?

        func set(_ result: Result<Outcome, Diagnostic>) {
            self.result = result
            done.signal()
        }

        func wait() -> Result<Outcome, Diagnostic> {
            done.wait()
            return result!
        }
    }
}
