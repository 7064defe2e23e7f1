import Foundation
import TenetDocument

/// Where commands write: results to standard output, diagnostics to standard error.
enum StandardStreams {
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func write(_ text: String) {
        write(Array(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static let diagnosticRenderer = DiagnosticRenderer.forStandardError(
        environment: ProcessInfo.processInfo.environment,
        isTerminal: isatty(STDERR_FILENO) != 0)

    static func report(_ diagnostic: Diagnostic) {
        writeError(diagnosticRenderer.render(diagnostic))
    }
}
