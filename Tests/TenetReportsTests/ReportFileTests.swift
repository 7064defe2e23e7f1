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
}
