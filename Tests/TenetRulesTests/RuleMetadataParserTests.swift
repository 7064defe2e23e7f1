import TenetDocument
import TenetRules
import XCTest

final class RuleMetadataParserTests: XCTestCase {
    private func parse(_ text: String) throws(Diagnostic) -> RuleMetadata {
        try RuleMetadataParser.parse(SourceText(name: "rules/encryption/X.guard", bytes: Array(text.utf8)))
    }

    private let valid = """
        # ---
        # id: S3_EXAMPLE_RULE
        # title: Buckets are examples
        # severity: medium
        # area: encryption
        # resourceTypes: [AWS::S3::Bucket, AWS::S3::BucketPolicy]
        # awsConfigRule: S3_EXAMPLE_RULE
        # description: >-
        #   Checks the example.
        # rationale: Examples matter.
        # remediation: |-
        #   Fix it:
        #   ```yaml
        #   Bucket: {Type: AWS::S3::Bucket}
        #   ```
        # parameters:
        #   allowed:
        #     description: allowed values
        #     default: [a, b]
        # controls:
        #   cis-aws-foundations: ["2.1.1"]
        #   nist-800-53-rev5: [SC-28]
        # ---
        rule S3_EXAMPLE_RULE { Resources exists }
        """

    func testReadsEveryField() throws {
        let metadata = try parse(valid)
        XCTAssertEqual(metadata.id, "S3_EXAMPLE_RULE")
        XCTAssertEqual(metadata.severity, .medium)
        XCTAssertEqual(metadata.area, .encryption)
        XCTAssertEqual(metadata.target, .resourceTypes(["AWS::S3::Bucket", "AWS::S3::BucketPolicy"]))
        XCTAssertEqual(metadata.awsConfigRule, "S3_EXAMPLE_RULE")
        XCTAssertEqual(metadata.description, "Checks the example.")
        XCTAssertEqual(metadata.remediation, "Fix it:\n```yaml\nBucket: {Type: AWS::S3::Bucket}\n```")
        XCTAssertEqual(metadata.parameters.map(\.name), ["allowed"])
        XCTAssertEqual(metadata.defaultParameters, ["allowed": ["a", "b"]])
        XCTAssertEqual(metadata.controls, [.cisAWSFoundations: ["2.1.1"], .nist80053Rev5: ["SC-28"]])
    }

    func testAccountLevelTarget() throws {
        let metadata = try parse(valid.replacingOccurrences(of: "[AWS::S3::Bucket, AWS::S3::BucketPolicy]", with: "[account]"))
        XCTAssertEqual(metadata.target, .account)
    }

    func testErrorsPointIntoTheRuleFile() {
        let cases: [(text: String, code: DiagnosticCode, line: Int, column: Int, message: String)] = [
            ("rule X { Resources exists }", .ruleMetadataMissing, 1, 1, "expected '# ---' on line 1"),
            (valid.replacingOccurrences(of: "# severity: medium", with: "# severity: urgent"), .ruleMetadataInvalid, 4, 3, "unknown severity 'urgent'"),
            (valid.replacingOccurrences(of: "# area: encryption", with: "# area: encryption\n# serverity: high"), .ruleMetadataInvalid, 6, 3, "unknown field 'serverity'"),
            (valid.replacingOccurrences(of: "[\"2.1.1\"]", with: "[2.1]"), .ruleMetadataInvalid, 21, 5, "quote numeric ids"),
            (valid.replacingOccurrences(of: "AWS::S3::BucketPolicy", with: "S3Bucket"), .ruleMetadataInvalid, 6, 36, "'S3Bucket' is not a resource type"),
            (valid.replacingOccurrences(of: "# title: Buckets are examples\n", with: ""), .ruleMetadataInvalid, 2, 3, "missing 'title'"),
            (valid.replacingOccurrences(of: "# rationale: Examples matter.", with: "# rationale: [unclosed"), .ruleMetadataInvalid, 11, 3, ""),
        ]
        for (index, testCase) in cases.enumerated() {
            XCTAssertThrowsError(try parse(testCase.text), "case \(index)") { error in
                guard let diagnostic = error as? Diagnostic else { return XCTFail("case \(index): \(error)") }
                if testCase.message.isEmpty {
                    XCTAssertEqual(diagnostic.location?.line, testCase.line, "case \(index): \(diagnostic)")
                    return
                }
                XCTAssertEqual(diagnostic.code, testCase.code, "case \(index): \(diagnostic)")
                XCTAssertEqual(diagnostic.location?.line, testCase.line, "case \(index): \(diagnostic)")
                XCTAssertEqual(diagnostic.location?.column, testCase.column, "case \(index): \(diagnostic)")
                XCTAssertTrue(diagnostic.message.contains(testCase.message), "case \(index): \(diagnostic.message)")
                XCTAssertNotNil(diagnostic.sourceLine, "case \(index)")
            }
        }
    }
}
