import Foundation
import Testing

/// Expected report outputs kept in `Golden/`, with a copy of each in `reports/samples/` for
/// readers of the documentation. `TENET_RECORD_GOLDEN=1` rewrites both from the current output.
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["TENET_RECORD_GOLDEN"] == "1" }

    /// Checks `output` against `Golden/<name>`, or records it there and in the samples.
    static func check(_ output: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let goldenFile = TestPaths.golden.appending(path: name)
        if isRecording {
            try Data(output).write(to: goldenFile)
            try Data(output).write(to: TestPaths.samples.appending(path: name))
        }
        let expected = try Data(contentsOf: goldenFile)
        let actual = String(decoding: output, as: UTF8.self)
        #expect(
            actual == String(decoding: expected, as: UTF8.self),
            "\(name) differs from its golden file; rerun with TENET_RECORD_GOLDEN=1 if the change is intended",
            sourceLocation: sourceLocation)
    }
}
