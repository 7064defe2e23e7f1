import Foundation
import Testing
import TenetReports

/// A report file is written as it is made, yet appears whole or not at all.
@Suite struct ReportFileTests {
    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "tenet-report-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func thePiecesReplaceTheFileAndNoTemporaryFileIsLeft() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "report.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try ReportFile.write(to: path) { write in
            write(Array("{\n".utf8))
            write(Array("}\n".utf8))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\n}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    @Test func aDirectoryThatDoesNotExistIsAnErrorAndNothingIsWritten() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "missing/report.json").path
        #expect(throws: (any Error).self) { try ReportFile.write(to: path) { write in write(Array("x".utf8)) } }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func aPathThatIsADirectoryIsAnErrorAndTheTemporaryFileIsRemoved() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appending(path: "taken")
        try FileManager.default.createDirectory(at: target.appending(path: "inside"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try ReportFile.write(to: target.path) { write in write(Array("x".utf8)) } }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
    }

    @Test func aPipeIsWrittenInPlaceAndStaysAPipe() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "report.fifo").path
        #expect(mkfifo(path, 0o600) == 0)
        let reader = Task.detached { try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).readToEnd() }
        try ReportFile.write(to: path) { write in write(Array("through the pipe\n".utf8)) }
        #expect(try await reader.value == Data("through the pipe\n".utf8))
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.fifo"])
    }

    @Test func aSymbolicLinkKeepsPointingAtTheFileItNames() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appending(path: "reports/latest.txt")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: target)
        let link = directory.appending(path: "report.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
        try ReportFile.write(to: link) { write in write(Array("new".utf8)) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
    }
}
