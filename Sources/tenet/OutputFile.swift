import Foundation
import TenetDocument
import TenetReports

/// Writes a command's generated file; a path that cannot be written ends the command with exit
/// code 2 and says why.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        do {
            try ReportFile.write(to: path) { write in write(Array(text.utf8)) }
        } catch {
            StandardStreams.report(Diagnostic(
                code: .unreadableFile, message: "cannot write the output file: \(error.localizedDescription)",
                location: FileLocation(file: path, line: 1, column: 1)))
            throw ExitStatus.usageOrInputError
        }
    }
}
