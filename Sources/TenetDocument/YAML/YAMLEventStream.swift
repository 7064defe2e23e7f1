internal import CYAML
import Foundation
import Synchronization

/// libyaml's events for one document, handed to a reader one at a time in document order.
///
/// A large file is parsed on a thread of its own while the reader builds the tree on the
/// caller's: libyaml's scanning and Tenet's building each take about half of a load, and one file
/// is otherwise one core's work. Small files — the common case, and the first answer of a scan —
/// are parsed in line, where a thread would cost more than it saves.
enum YAMLEventStream {
    /// Files at least this large are parsed on a thread of their own, unless a loader says
    /// otherwise: at libyaml's 50 MB/s this is 5 ms of parsing, against the tenth of a
    /// millisecond a thread costs to start.
    static let pipelineThreshold = 256 << 10

    /// Calls `body` with every event up to and including the end of the stream, and owns each
    /// event: `body` must not keep it. The first error, of libyaml or of `body`, ends the stream
    /// and is thrown; the events after it are never read.
    static func forEachEvent(
        in source: SourceText, pipelineThreshold: Int, _ body: (yaml_event_t) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        if source.bytes.count >= pipelineThreshold {
            try YAMLEventPipeline(source: source).forEachEvent(body)
        } else {
            try parse(source) { (event) throws(Diagnostic) -> Bool in
                defer { yaml_event_delete(&event) }
                try body(event)
                return true
            }
        }
    }

    /// Runs libyaml over the source, handing each parsed event to `take` until the stream ends,
    /// `take` returns false, or libyaml fails. `take` owns the event.
    static func parse(
        _ source: SourceText, _ take: (inout yaml_event_t) throws(Diagnostic) -> Bool
    ) throws(Diagnostic) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            throw Diagnostic(code: .unreadableFile, message: "libyaml could not allocate a parser", location: FileLocation(file: source.name, line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        try source.bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) != 0 else {
                    throw source.parserError(parser)
                }
                let isEnd = event.type == YAML_STREAM_END_EVENT
                guard try take(&event), !isEnd else { return }
            }
        }
    }
}

/// A bare libyaml event scan that builds nothing: the yardstick for the loader's benchmark.
public enum YAMLEventScan {
    /// Returns the number of events, or nil if libyaml stopped on an error.
    public static func countEvents(in bytes: [UInt8]) -> Int? {
        var count = 0
        do {
            try YAMLEventStream.parse(SourceText(name: "", bytes: bytes)) { (event) throws(Diagnostic) -> Bool in
                yaml_event_delete(&event)
                count += 1
                return true
            }
        } catch {
            return nil
        }
        return count
    }
}

/// A parsing thread and the reader, joined by a fixed ring of event batches: the parser fills a
/// free batch while the reader works through a full one, so memory stays bounded however far
/// the parser could run ahead. The parser frees a batch's events as it takes the batch back, so
/// that what libyaml allocates is freed by the thread that allocated it: freed by the reader, it
/// would go back to the parser's heap under a lock the parser takes for every allocation.
private final class YAMLEventPipeline: @unchecked Sendable {
    /// Batches of events small enough to stay in cache between the two cores, large enough that
    /// handing one over costs nothing beside parsing it.
    private static let batchCapacity = 512
    private static let batchCount = 4

    private let source: SourceText
    /// `batchCount` batches of `batchCapacity` events. A batch belongs to the parser from a wait
    /// on `free` until its signal of `full`, and to the reader from a wait on `full` until its
    /// signal of `free`; the semaphores order every access.
    private let events: UnsafeMutablePointer<yaml_event_t>
    /// The events of each batch not yet freed.
    private let counts: UnsafeMutableBufferPointer<Int>
    /// Set by the parser with a batch that ends the stream: the parser is done with the ring.
    private let isLast: UnsafeMutableBufferPointer<Bool>
    /// libyaml's error, written by the parser before it signals the last batch.
    private var failure: Diagnostic?
    private let full = DispatchSemaphore(value: 0)
    private let free = DispatchSemaphore(value: batchCount)
    /// Set by the reader when it stops early, so that the parser stops too instead of parsing
    /// the rest of the file for nothing.
    private let stopped = Atomic<Bool>(false)

    init(source: SourceText) {
        self.source = source
        events = .allocate(capacity: Self.batchCount * Self.batchCapacity)
        counts = .allocate(capacity: Self.batchCount)
        counts.initialize(repeating: 0)
        isLast = .allocate(capacity: Self.batchCount)
        isLast.initialize(repeating: false)
    }

    deinit {
        events.deallocate()
        counts.deallocate()
        isLast.deallocate()
    }

    func forEachEvent(_ body: (yaml_event_t) throws(Diagnostic) -> Void) throws(Diagnostic) {
        Thread { [self] in produce() }.start()
        var readerError: Diagnostic?
        var batch = 0
        while true {
            full.wait()
            let first = events + batch * Self.batchCapacity
            for index in 0..<counts[batch] {
                if readerError == nil {
                    do {
                        try body(first[index])
                    } catch {
                        readerError = error
                        stopped.store(true, ordering: .relaxed)
                    }
                }
            }
            let last = isLast[batch]
            free.signal()
            if last { break }
            batch = (batch + 1) % Self.batchCount
        }
        // The parser is done: the events it did not take back are freed here.
        for batch in 0..<Self.batchCount {
            freeEvents(of: batch)
        }
        if let readerError { throw readerError }
        if let failure { throw failure }
    }

    private func freeEvents(of batch: Int) {
        let first = events + batch * Self.batchCapacity
        for index in 0..<counts[batch] {
            yaml_event_delete(first + index)
        }
        counts[batch] = 0
    }

    private func produce() {
        var batch = 0
        var count = 0
        free.wait()
        do {
            try YAMLEventStream.parse(source) { (event) throws(Diagnostic) -> Bool in
                (events + batch * Self.batchCapacity + count).initialize(to: event)
                count += 1
                guard count == Self.batchCapacity, event.type != YAML_STREAM_END_EVENT else { return true }
                counts[batch] = count
                full.signal()
                batch = (batch + 1) % Self.batchCount
                count = 0
                free.wait()
                freeEvents(of: batch)
                return !stopped.load(ordering: .relaxed)
            }
        } catch {
            failure = error
        }
        counts[batch] = count
        isLast[batch] = true
        full.signal()
    }
}

extension SourceText {
    /// libyaml's error, at the character it names.
    fileprivate func parserError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML could not be read"
        if parser.error == YAML_READER_ERROR {
            let isEncoding = problem.contains("UTF-8") || problem.contains("Unicode")
            let offset = problem == "invalid trailing UTF-8 octet"
                ? startOfSequence(brokenAt: parser.problem_offset) : parser.problem_offset
            return Diagnostic(
                code: isEncoding ? .invalidUTF8 : .yamlSyntax,
                message: isEncoding ? "\(problem) at byte \(parser.problem_offset); expected UTF-8 text" : problem,
                location: FileLocation(file: name, position: position(ofByte: offset)))
        }
        var notes: [Diagnostic] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            notes.append(Diagnostic(.note, code: .yamlSyntax, message: context, location: FileLocation(file: name, position: Mark(parser.context_mark).location)))
        }
        return Diagnostic(code: .yamlSyntax, message: problem, location: FileLocation(file: name, position: Mark(parser.problem_mark).location), notes: notes)
    }

    /// libyaml reports a bad trailing octet at that octet; people, and the JSON loader, point at
    /// the character whose encoding it breaks: step back over the lead byte and its continuations.
    private func startOfSequence(brokenAt offset: Int) -> Int {
        var start = min(offset, bytes.count) - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return max(start, 0)
    }
}

extension Mark {
    init(_ mark: yaml_mark_t) {
        self.init(line: UInt32(truncatingIfNeeded: mark.line + 1), column: UInt32(truncatingIfNeeded: mark.column + 1))
    }
}
