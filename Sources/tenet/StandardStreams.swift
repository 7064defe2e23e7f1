import Foundation
import TenetDocument
import TenetReports

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

    /// A progress bar for a long run, when standard error is a terminal; none otherwise, so
    /// pipes, files and CI logs never hold one. The colour settings (`NO_COLOR`, `TERM=dumb`) do
    /// not concern it: it draws no colour.
    static func progressBar(counting noun: String) -> ProgressBar? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return ProgressBar(noun: noun) { FileHandle.standardError.write(Data($0.utf8)) }
    }
}
