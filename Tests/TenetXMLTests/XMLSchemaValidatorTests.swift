import Foundation
import Testing
import TenetXML

/// The validator as report writers' tests will use it, on JUnit documents made by ``XMLWriter``.
@Suite struct XMLSchemaValidatorTests {
    /// A report in the shape `../shared/docs/ci-report-formats.md` proposes, with `file`/`line`
    /// on test cases only when asked: the plain Jenkins schema does not allow them.
    static func junitReport(withLocations: Bool = false) -> [UInt8] {
        let writer = XMLWriter()
        writer.element("testsuites", attributes: ["name": "tenet", "tests": "3", "failures": "1", "errors": "1", "time": "0.042"]) {
            writer.element("testsuite", attributes: [
                "name": "aws-foundational", "tests": "3", "failures": "1", "errors": "1", "skipped": "0",
                "time": "0.042", "timestamp": "2026-11-21T04:00:00", "hostname": "ci",
            ]) {
                writer.element("properties") {
                    writer.element("property", attributes: ["name": "template", "value": "template.yaml"])
                }
                writer.startElement("testcase")
                writer.attribute("name", "S3_BUCKET_ENCRYPTED LogsBucket")
                writer.attribute("classname", "aws-foundational")
                if withLocations {
                    writer.attribute("file", "template.yaml")
                    writer.attribute("line", "12")
                }
                writer.element("failure", attributes: ["message": "BucketEncryption is missing", "type": "S3_BUCKET_ENCRYPTED"]) {
                    writer.cdata("Resource: LogsBucket\nPath: /Resources/LogsBucket/Properties\nFix: add BucketEncryption\u{1B}")
                }
                writer.endElement()
                writer.element("testcase", attributes: ["name": "EBS_ENCRYPTED DataVolume", "classname": "aws-foundational"]) {
                    writer.element("error", attributes: ["message": "KmsKeyId could not be resolved", "type": "INSUFFICIENT_DATA"])
                }
                writer.element("testcase", attributes: ["name": "IAM_NO_WILDCARD Role", "classname": "aws-foundational"]) {
                    writer.element("skipped", attributes: ["message": "suppressed: <reviewed> & accepted"])
                }
                writer.element("system-out") { writer.text("3 rules evaluated") }
            }
        }
        return writer.finish()
    }

    @Test func junitReportFromTheWriterIsValid() throws {
        let validator = try XMLSchemaValidator(schemaPath: SchemaFiles.junit.path)
        #expect(validator.validate(Self.junitReport()) == [])
    }

    @Test func locationAttributesNeedTheExtendedSchema() throws {
        let report = Self.junitReport(withLocations: true)
        #expect(try XMLSchemaValidator(schemaPath: SchemaFiles.junitWithLocations.path).validate(report) == [])
        #expect(try XMLSchemaValidator(schemaPath: SchemaFiles.junit.path).validate(report) == [
            XMLValidationError(line: 7, message: "Element 'testcase', attribute 'file': The attribute 'file' is not allowed."),
            XMLValidationError(line: 7, message: "Element 'testcase', attribute 'line': The attribute 'line' is not allowed."),
        ])
    }

    @Test func invalidReportListsEveryViolationWithItsLine() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="pack" tests="1" failures="0" errors="0" time="fast">
                <testcase classname="pack"/>
                <verdict>pass</verdict>
              </testsuite>
            </testsuites>
            """
        let errors = try XMLSchemaValidator(schemaPath: SchemaFiles.junit.path).validate(document.utf8)
        #expect(errors.map(\.line) == [3, 4, 5])
        #expect(errors[0].message.hasPrefix("Element 'testsuite', attribute 'time': [facet 'pattern'] The value 'fast' is not accepted"))
        #expect(errors[1].message == "Element 'testcase': The attribute 'name' is required but missing.")
        #expect(errors[2].message.hasPrefix("Element 'verdict': This element is not expected."))
    }

    @Test func malformedDocumentReportsItsParseError() throws {
        let errors = try XMLSchemaValidator(schemaPath: SchemaFiles.junit.path).validate("<testsuites>\n<testsuite>".utf8)
        #expect(errors == [XMLValidationError(line: 2, message: "Premature end of data in tag testsuite line 2")])
    }

    @Test func brokenSchemaIsAnErrorAtItsLine() throws {
        let schema = FileManager.default.temporaryDirectory.appending(path: "tenet-broken-\(UUID().uuidString).xsd")
        try Data("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="report" type="xs:noSuchType"/>
            </xs:schema>
            """.utf8).write(to: schema)
        defer { try? FileManager.default.removeItem(at: schema) }
        #expect {
            try XMLSchemaValidator(schemaPath: schema.path)
        } throws: { error in
            let error = try #require(error as? XMLParseError)
            return error.line == 2 && error.message.hasPrefix(schema.path + ": ") && error.message.contains("noSuchType")
        }
    }

    @Test func missingSchemaFileIsAnError() {
        let path = SchemaFiles.directory.appending(path: "no-such-schema.xsd").path
        #expect {
            try XMLSchemaValidator(schemaPath: path)
        } throws: { error in
            (error as? XMLParseError)?.message == "\(path): no such schema file"
        }
    }
}
