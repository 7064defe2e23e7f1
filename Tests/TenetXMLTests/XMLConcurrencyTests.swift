import Foundation
import Testing
import TenetXML

/// Parsing and validating on many threads at once: every operation owns its libxml2 context and
/// error collector, so results, and above all errors, never cross between threads.
@Suite struct XMLConcurrencyTests {
    static let threadCount = 8
    static let iterations = 200

    /// Thread `index` parses a valid response and a document broken on line `index + 2`, so an
    /// error reported to the wrong thread shows up as a wrong line.
    static func problems(onThread index: Int) -> [String] {
        let valid = "<Response><RequestId>thread-\(index)</RequestId></Response>"
        let broken = "<Response>" + String(repeating: "\n", count: index + 1) + "<Unclosed></Response>"
        var problems: [String] = []
        for _ in 0..<iterations {
            do {
                let requestId = try XMLReader.parse(valid.utf8).text(at: "RequestId")
                if requestId != "thread-\(index)" { problems.append("thread \(index) read \(requestId ?? "nothing")") }
            } catch {
                problems.append("thread \(index) failed on a valid document: \(error)")
            }
            do {
                _ = try XMLReader.parse(broken.utf8)
                problems.append("thread \(index) accepted a broken document")
            } catch {
                if error.line != index + 2 { problems.append("thread \(index) got an error for line \(error.line)") }
            }
        }
        return problems
    }

    @Test func parsesOnSeveralThreadsAtOnce() {
        let collected = NSLock()
        nonisolated(unsafe) var problems: [String] = []
        let finished = DispatchGroup()
        for index in 0..<Self.threadCount {
            finished.enter()
            Thread {
                let found = Self.problems(onThread: index)
                collected.withLock { problems += found }
                finished.leave()
            }.start()
        }
        finished.wait()
        #expect(collected.withLock { problems } == [])
    }

    @Test func validatesOnSeveralThreadsAtOnce() async throws {
        let validator = try XMLSchemaValidator(schemaPath: SchemaFiles.junit.path)
        let valid = XMLSchemaValidatorTests.junitReport()
        let invalid = #"<testsuites><testsuite name="pack"/></testsuites>"#
        let errorCounts = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<Self.threadCount {
                group.addTask { (0..<20).flatMap { _ in [validator.validate(valid).count, validator.validate(invalid.utf8).count] } }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(errorCounts) == [0, 3], "the valid report has no errors; the suite lacks tests, failures and errors")
    }
}
