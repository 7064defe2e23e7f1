import Foundation
import Testing
import TenetDocument

/// Every file of the shared CloudFormation corpus must load, and hold the same data as cfn-lint's
/// decoder reads from it: cfn-lint is what CloudFormation users already trust, so agreeing with
/// it, type for type, is what "reads templates the way CloudFormation tools do" means.
@Suite struct CorpusConformanceTests {
    /// `../shared` may be a symbolic link; the enumerator walks only a real directory.
    static let corpus = Self.packageRoot.deletingLastPathComponent().appending(path: "shared/corpus/cloudformation")
        .resolvingSymlinksInPath()

    @Test func everyCorpusFileHoldsWhatCfnLintReads() throws {
        let paths = try Self.corpusFiles()
        try #require(paths.count == 210, "expected the shared corpus's 210 YAML and JSON files under \(Self.corpus.path)")
        let reference = try Self.cfnLintReading(of: paths).root

        var problems: [String] = []
        for path in paths {
            guard let expected = reference[path]?["value"] else {
                problems.append("\(path): cfn-lint could not read it: \(reference[path]?["error"]?.stringValue ?? "no result")")
                continue
            }
            do {
                let document = try DocumentLoader().load(contentsOf: path)
                if let difference = DataDifference.first(document.root, expected) {
                    problems.append("\(path): loaded \(difference)")
                    continue
                }
                // `tenet parse` prints the document through JSONWriter; what it prints must be the same data.
                let printed = try JSONLoader().load(SourceText(name: path, bytes: Array(JSONWriter().string(for: document.root).utf8)))
                if let difference = DataDifference.first(printed.root, expected) {
                    problems.append("\(path): printed \(difference)")
                }
            } catch {
                problems.append("\(path): \(error)")
            }
        }
        #expect(problems.isEmpty, "\(problems.count) of \(paths.count) files differ from cfn-lint:\n\(problems.joined(separator: "\n"))")
    }

    /// The package root, found from this file's path so the test runs from any working directory.
    static let packageRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func corpusFiles() throws -> [String] {
        let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if ["json", "yaml", "yml"].contains(url.pathExtension) { paths.append(url.path) }
        }
        return paths.sorted()
    }

    /// Runs `Support/cfnlint_decode.py` once for all files and reads its JSON output.
    static func cfnLintReading(of paths: [String]) throws -> Document {
        let script = Self.packageRoot.appending(path: "Tests/TenetDocumentTests/Support/cfnlint_decode.py")
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "cfn-lint's decoder did not run (is cfn-lint==1.51.0 installed for python3?)")
        return try JSONLoader().load(SourceText(name: "cfn-lint output", bytes: Array(data)))
    }
}
