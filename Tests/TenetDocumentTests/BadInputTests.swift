import Foundation
import Testing
import TenetDocument

/// Hostile and broken inputs: each is refused with a stable code at an exact location, by a bound
/// on nodes, depth or bytes — never by a timer, never by a crash.
@Suite struct BadInputTests {
    /// Nine levels of nine aliases each would expand to 9⁹ (387 million) nodes.
    static let aliasBomb: String = {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append("\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aliasBombIsRefusedByTheNodeBudget() {
        // Lines b–f copy 672,588 nodes; the first alias on line g copies 597,871 more, past a million.
        let refusal = refusal(of: Self.aliasBomb, as: .yaml)
        #expect(refusal?.code == .aliasBudgetExceeded)
        #expect(refusal?.location == FileLocation(.yaml, 7, 8))
    }

    @Test func aliasBudgetIsConfigurable() {
        let refusal = refusal(of: Self.aliasBomb, as: .yaml, limits: LoadLimits(maxDocumentBytes: 1 << 20, maxDepth: 64, maxAliasNodes: 100))
        #expect(refusal?.code == .aliasBudgetExceeded)
        #expect(refusal?.location == FileLocation(.yaml, 3, 8))
    }

    @Test(arguments: [
        (DocumentFormat.yaml, String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), 513),
        (DocumentFormat.yaml, String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000), 2_049),
        (DocumentFormat.yaml, String(repeating: "- ", count: 10_000) + "x\n", 1_025),
        (DocumentFormat.json, String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), 513),
        (DocumentFormat.json, String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000), 2_561),
    ])
    func tenThousandDeepNestingIsRefusedByTheDepthBound(format: DocumentFormat, text: String, column: Int) {
        let refusal = refusal(of: text, as: format)
        #expect(refusal?.code == .nestingTooDeep)
        #expect(refusal?.location == FileLocation(format, 1, column))
    }

    @Test func anAliasThatWouldNestTooDeepIsRefused() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let text = "a: &deep \(deep)\nb: \(String(repeating: "[", count: 300))*deep\(String(repeating: "]", count: 300))\n"
        let refusal = refusal(of: text, as: .yaml)
        #expect(refusal?.code == .nestingTooDeep)
        #expect(refusal?.location == FileLocation(.yaml, 2, 304))
    }

    @Test(arguments: [
        (DocumentFormat.yaml, "Resources:\n  Bucket: {}\n  Queue: {}\n  Bucket: {}\n", (4, 3), (2, 3)),
        (DocumentFormat.json, "{\"a\": 1,\n \"b\": 2, \"a\": 3}", (2, 10), (1, 2)),
    ])
    func duplicateKeyNamesBothLocations(format: DocumentFormat, text: String, at: (Int, Int), first: (Int, Int)) throws {
        let diagnostic = try #require(refusal(of: text, as: format))
        #expect(diagnostic.code == .duplicateKey)
        #expect(diagnostic.location == FileLocation(format, at.0, at.1))
        #expect(diagnostic.notes.map(\.location) == [FileLocation(format, first.0, first.1)])
        #expect(diagnostic.notes.first?.severity == .note)
    }

    @Test(arguments: [
        (DocumentFormat.yaml, Array("a: b".utf8) + [0xFF] + Array("\n".utf8), (1, 5)),
        (DocumentFormat.yaml, Array("a: ok\nb: \"x".utf8) + [0xC3, 0x28] + Array("\"\n".utf8), (2, 6)),
        (DocumentFormat.json, Array("{\"a\": \"b".utf8) + [0xFF] + Array("\"}".utf8), (1, 9)),
        (DocumentFormat.json, Array("{\"a\":\n \"é".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8), (2, 4)),
    ])
    func invalidUTF8IsRefusedWhereItStands(format: DocumentFormat, bytes: [UInt8], at: (Int, Int)) {
        let refusal = refusal(of: bytes, as: format)
        #expect(refusal?.code == .invalidUTF8)
        #expect(refusal?.location == FileLocation(format, at.0, at.1))
    }

    @Test(arguments: [
        (DocumentFormat.yaml, "Resources:\n  Bucket: [1, 2\n", DiagnosticCode.yamlSyntax, (3, 1)),
        (DocumentFormat.yaml, "a: \"unterminated\n", DiagnosticCode.yamlSyntax, (2, 1)),
        (DocumentFormat.json, "{\"Resources\": {\"Bucket\": [1, 2", DiagnosticCode.jsonSyntax, (1, 31)),
        (DocumentFormat.json, "{\"a\": \"unterminated", DiagnosticCode.jsonSyntax, (1, 20)),
        (DocumentFormat.json, "{\"a\": tru", DiagnosticCode.jsonSyntax, (1, 7)),
    ])
    func truncatedFileIsRefusedAtItsEnd(format: DocumentFormat, text: String, code: DiagnosticCode, at: (Int, Int)) {
        let refusal = refusal(of: text, as: format)
        #expect(refusal?.code == code)
        #expect(refusal?.location == FileLocation(format, at.0, at.1))
    }

    /// An explicit empty document (`---` then nothing) is refused where its value was expected.
    @Test(arguments: [(DocumentFormat.yaml, "", 1), (.yaml, "# only a comment\n\n", 1), (.yaml, "---\n...\n", 2),
                      (.json, "", 1), (.json, " \n\t\n", 1)])
    func emptyAndZeroByteFilesAreRefused(format: DocumentFormat, text: String, line: Int) {
        let refusal = refusal(of: text, as: format)
        #expect(refusal?.code == .emptyDocument)
        #expect(refusal?.location == FileLocation(format, line, 1))
    }

    @Test func zeroByteFileOnDiskIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appending(path: "empty.yaml").path
            FileManager.default.createFile(atPath: path, contents: Data())
            let refusal = refusal(ofFileAt: path)
            #expect(refusal?.code == .emptyDocument)
            #expect(refusal?.location == FileLocation(file: path, line: 1, column: 1))
        }
    }

    @Test func fileOverTheSizeLimitIsRefusedBeforeReading() throws {
        try withTemporaryDirectory { directory in
            let small = directory.appending(path: "small.yaml").path
            FileManager.default.createFile(atPath: small, contents: Data(String(repeating: "a: b\n", count: 400).utf8))
            let limits = LoadLimits(maxDocumentBytes: 1_000, maxDepth: 64, maxAliasNodes: 100)
            expectTooLarge(small, limits: limits, size: 2_000)

            // A sparse 300 MiB file costs no disk. The refusal names its full size, which only the
            // check before reading knows: a refusal after reading would count limit + 1 bytes.
            let huge = directory.appending(path: "huge.json").path
            FileManager.default.createFile(atPath: huge, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: huge))
            try handle.truncate(atOffset: 300 << 20)
            try handle.close()
            expectTooLarge(huge, limits: .default, size: 300 << 20)
        }
    }

    private func expectTooLarge(_ path: String, limits: LoadLimits, size: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let refusal = refusal(ofFileAt: path, limits: limits, sourceLocation: sourceLocation)
        #expect(refusal?.code == .fileTooLarge, sourceLocation: sourceLocation)
        #expect(refusal?.location == FileLocation(file: path, line: 1, column: 1), sourceLocation: sourceLocation)
        #expect(refusal?.message.contains("\(size) bytes") == true, sourceLocation: sourceLocation)
    }

    @Test func severalYAMLDocumentsAreRefused() {
        let refusal = refusal(of: "a: 1\n---\nb: 2\n", as: .yaml)
        #expect(refusal?.code == .multipleDocuments)
        #expect(refusal?.location == FileLocation(.yaml, 2, 1))
    }

    @Test(arguments: [
        ("80: http\n", (1, 1)), ("a: 1\non: true\n", (2, 1)), ("~: x\n", (1, 1)), ("1.5: x\n", (1, 1)),
        ("? [a, b]\n: c\n", (1, 3)), ("a:\n  {x: 1}: y\n", (2, 3)), ("!!int 5: x\n", (1, 1)),
        ("l: &l [1]\n*l : x\n", (2, 1)),
    ])
    func nonStringKeysAreRefused(text: String, at: (Int, Int)) {
        let refusal = refusal(of: text, as: .yaml)
        #expect(refusal?.code == .nonStringKey)
        #expect(refusal?.location == FileLocation(.yaml, at.0, at.1))
    }

    @Test func undefinedAliasIsRefused() {
        let refusal = refusal(of: "a: 1\nb: *missing\n", as: .yaml)
        #expect(refusal?.code == .undefinedAlias)
        #expect(refusal?.location == FileLocation(.yaml, 2, 4))
    }

    @Test func recursiveAliasIsRefused() {
        let refusal = refusal(of: "a: &loop\n  b: [1, *loop]\n", as: .yaml)
        #expect(refusal?.code == .recursiveAlias)
        #expect(refusal?.location == FileLocation(.yaml, 2, 10))
    }

    @Test func duplicateAnchorIsRefusedWithBothLocations() {
        let refusal = refusal(of: "a: &x 1\nb: &x 2\n", as: .yaml)
        #expect(refusal?.code == .duplicateAnchor)
        #expect(refusal?.location == FileLocation(.yaml, 2, 4))
        #expect(refusal?.notes.map(\.location) == [FileLocation(.yaml, 1, 4)])
    }
}
