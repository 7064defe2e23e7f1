import Foundation
import Testing
import TenetXML

/// Entity attacks must never expand or read anything: documents with a DTD are refused at the
/// `<!DOCTYPE`, before libxml2 processes a single declaration.
@Suite struct XMLHostileInputTests {
    static let refusal = "Document type declarations are not accepted (they allow entity expansion and external entities)"

    @Test func billionLaughsIsRefusedBeforeAnyExpansion() {
        let levels = (1...9).map { level in
            "  <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol0 "lol">
            \(levels.joined(separator: "\n"))
            ]>
            <lolz>&lol9;</lolz>
            """
        #expect(throws: XMLParseError(line: 2, column: 16, message: Self.refusal)) {
            try XMLReader.parse(document.utf8)
        }
    }

    @Test func externalEntityFileIsNeverRead() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "tenet-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appending(path: "secret.txt")
        let marker = "TENET-SECRET-\(UUID().uuidString)"
        try Data(marker.utf8).write(to: secret)

        func document(entityTarget: URL) -> String {
            """
            <?xml version="1.0"?>
            <!DOCTYPE response [<!ENTITY stolen SYSTEM "\(entityTarget.absoluteString)">]>
            <response><value>&stolen;</value></response>
            """
        }
        let errorForSecret = Result { try XMLReader.parse(document(entityTarget: secret).utf8) }
        let errorForMissingFile = Result { try XMLReader.parse(document(entityTarget: directory.appending(path: "missing")).utf8) }

        #expect(throws: XMLParseError(line: 2, column: 20, message: Self.refusal)) { try errorForSecret.get() }
        // Identical outcomes whether the file exists or not: the parser never looked at it.
        #expect(String(describing: errorForSecret) == String(describing: errorForMissingFile))
        #expect(!String(describing: errorForSecret).contains(marker))
    }

    @Test func externalDTDAndParameterEntitiesAreRefused() {
        let externalSubset = """
            <?xml version="1.0"?>
            <!DOCTYPE response SYSTEM "http://169.254.169.254/latest/meta-data/iam/security-credentials/">
            <response/>
            """
        let parameterEntity = """
            <!DOCTYPE response [
              <!ENTITY % remote SYSTEM "file:///etc/passwd">
              %remote;
            ]>
            <response/>
            """
        for document in [externalSubset, parameterEntity] {
            #expect {
                try XMLReader.parse(document.utf8)
            } throws: { error in
                (error as? XMLParseError)?.message == Self.refusal
            }
        }
    }

    @Test func deepNestingIsBoundedByLibxml2DepthLimit() {
        let document = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect {
            try XMLReader.parse(document.utf8)
        } throws: { error in
            (error as? XMLParseError)?.message.hasPrefix("Excessive depth in document: 256") == true
        }
    }

    @Test func theValidatorRefusesTheSameDocuments() throws {
        let validator = try XMLSchemaValidator(schemaPath: SchemaFiles.junit.path)
        let document = "<!DOCTYPE testsuites [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><testsuites>&x;</testsuites>"
        #expect(validator.validate(document.utf8) == [XMLValidationError(line: 1, message: Self.refusal)])
    }
}
