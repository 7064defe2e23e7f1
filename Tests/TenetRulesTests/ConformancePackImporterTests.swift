import TenetDocument
@testable import TenetRules
import XCTest

final class ConformancePackImporterTests: XCTestCase {
    private let template = """
        Parameters:
          MaxKeyAge:
            Type: String
            Default: "45"
        Conditions:
          Strict: !Equals [a, a]
        Resources:
          Volumes:
            Type: AWS::Config::ConfigRule
            Properties:
              ConfigRuleName: encrypted-volumes
              Source: {Owner: AWS, SourceIdentifier: ENCRYPTED_VOLUMES}
              InputParameters:
                kmsId: arn:aws:kms:eu-west-1:1:key/a
          Retention:
            Type: AWS::Config::ConfigRule
            Properties:
              Source: {Owner: AWS, SourceIdentifier: CW_LOGGROUP_RETENTION_PERIOD_CHECK}
              InputParameters:
                minretentiontime: "400"
          Keys:
            Type: AWS::Config::ConfigRule
            Properties:
              Source: {Owner: AWS, SourceIdentifier: ACCESS_KEYS_ROTATED}
              InputParameters:
                maxAccessKeyAge: !Ref MaxKeyAge
          Tags:
            Type: AWS::Config::ConfigRule
            Properties:
              Source: {Owner: AWS, SourceIdentifier: REQUIRED_TAGS}
              InputParameters:
                tag1Key: Owner
                tag1Value: !If [Strict, "team-a,team-b", ""]
          LogGroups:
            Type: AWS::Config::ConfigRule
            Properties:
              Source: {Owner: AWS, SourceIdentifier: CLOUDWATCH_LOG_GROUP_ENCRYPTED}
              InputParameters:
                KmsKeyId: arn:aws:kms:eu-west-1:1:key/b
          Unknown:
            Type: AWS::Config::ConfigRule
            Properties:
              Source: {Owner: AWS, SourceIdentifier: NOT_A_REAL_AWS_RULE}
          Custom:
            Type: AWS::Config::ConfigRule
            Properties:
              Source: {Owner: CUSTOM_LAMBDA, SourceIdentifier: !GetAtt Checker.Arn}
          Checker:
            Type: AWS::Lambda::Function
        """

    private func read(_ text: String) throws -> ConformancePackImport {
        let document = try YAMLLoader().load(SourceText(name: "pack.yaml", bytes: Array(text.utf8)))
        return try ConformancePackImporter(library: RepositoryLibrary.library).read(document)
    }

    func testConfigRulesMapToManagedRulesWithTheirParameters() throws {
        let result = try read(template)
        XCTAssertEqual(result.implemented.map(\.identifier), [
            "ENCRYPTED_VOLUMES", "CW_LOGGROUP_RETENTION_PERIOD_CHECK", "ACCESS_KEYS_ROTATED", "REQUIRED_TAGS", "CLOUDWATCH_LOG_GROUP_ENCRYPTED",
        ])
        XCTAssertEqual(result.missing.map(\.identifier), ["NOT_A_REAL_AWS_RULE", "CUSTOM_LAMBDA"])
        XCTAssertEqual(result.missing.map(\.isCustom), [false, true])
        XCTAssertEqual(result.rules.map { $0.id }, result.implemented.map(\.identifier), "each of these rules has the AWS Config identifier as its id")
        let values = Dictionary(uniqueKeysWithValues: result.rules.map { ($0.id, Value.map($0.parameters)) })
        XCTAssertEqual(values["ENCRYPTED_VOLUMES"], [:])
        XCTAssertEqual(values["CW_LOGGROUP_RETENTION_PERIOD_CHECK"], ["MinRetentionTime": 400], "matched ignoring case, read as the default's type")
        XCTAssertEqual(values["ACCESS_KEYS_ROTATED"], ["maxAccessKeyAge": 45], "a Ref takes the template parameter's default")
        XCTAssertEqual(values["REQUIRED_TAGS"], ["tag1Key": "Owner"])
        XCTAssertEqual(values["CLOUDWATCH_LOG_GROUP_ENCRYPTED"], ["kmsKeyIds": ["arn:aws:kms:eu-west-1:1:key/b"]], "one key where the rule takes a list")
        XCTAssertEqual(result.notes.count, 2, result.notes.joined(separator: "\n"))
        XCTAssertTrue(result.notes[0].hasPrefix("Volumes: InputParameters.kmsId has no counterpart in ENCRYPTED_VOLUMES (its parameters: kmsKeyIds)"), result.notes[0])
        XCTAssertTrue(result.notes[1].hasPrefix("Tags: InputParameters.tag1Value is not a literal value"), result.notes[1])
    }

    /// The written pack is a pack: it parses and resolves, with the template's values over the defaults.
    func testTheWrittenPackResolvesAgainstTheLibrary() throws {
        let result = try read(template)
        let text = RulePackWriter.yaml(name: "imported", description: "from: a \"template\"", rules: result.rules)
        let pack = try RulePackParser.parse(SourceText(name: "imported.yaml", bytes: Array(text.utf8)))
        XCTAssertEqual(pack.description, "from: a \"template\"")
        let resolved = try ResolvedPack(pack, library: RepositoryLibrary.library)
        XCTAssertEqual(resolved.rules.map(\.id), result.rules.map { $0.id })
        XCTAssertEqual(resolved.parameters.byRule["CW_LOGGROUP_RETENTION_PERIOD_CHECK"]?.value, ["MinRetentionTime": 400])
        XCTAssertEqual(resolved.parameters.byRule["ENCRYPTED_VOLUMES"]?.value, ["kmsKeyIds": []])
    }

    func testListsAndBooleansAreReadFromAWSConfigStrings() {
        XCTAssertEqual(ConformancePackImporter.value("a, b,,c", shapedLike: []), ["a", "b", "c"])
        XCTAssertEqual(ConformancePackImporter.value("1,2", shapedLike: [0]), [1, 2])
        XCTAssertNil(ConformancePackImporter.value("1,x", shapedLike: [0]))
        XCTAssertEqual(ConformancePackImporter.value("TRUE", shapedLike: false), true)
        XCTAssertNil(ConformancePackImporter.value("90 days", shapedLike: 365))
    }

    func testAConfigRuleWithoutAnIdentifierIsRefusedAtItsLocation() throws {
        let cases: [(text: String, line: Int, column: Int, message: String)] = [
            ("Resources:\n  R:\n    Type: AWS::Config::ConfigRule\n    Properties:\n      Source: {Owner: AWS}\n", 5, 7, "has no Source.SourceIdentifier"),
            ("Resources:\n  R:\n    Type: AWS::Config::ConfigRule\n    Properties: {}\n", 2, 3, "has no Properties.Source"),
            ("Resources:\n  R:\n    Type: AWS::Config::ConfigRule\n    Properties:\n      Source: {Owner: AWS, SourceIdentifier: [X]}\n", 5, 28, "must be the managed-rule identifier as a string"),
            ("Resources:\n  R:\n    Type: AWS::Config::ConfigRule\n    Properties:\n      Source: {SourceIdentifier: ENCRYPTED_VOLUMES}\n      InputParameters: [a]\n", 6, 7, "InputParameters of R must map"),
            ("AWSTemplateFormatVersion: 2010-09-09\n", 1, 1, "a template with a Resources mapping"),
        ]
        for (index, testCase) in cases.enumerated() {
            XCTAssertThrowsError(try read(testCase.text), "case \(index)") { error in
                guard let diagnostic = error as? Diagnostic else { return XCTFail("case \(index): \(error)") }
                XCTAssertEqual(diagnostic.code, .invalidConformancePack, "case \(index)")
                XCTAssertEqual(diagnostic.location?.description, "pack.yaml:\(testCase.line):\(testCase.column)", "case \(index): \(diagnostic)")
                XCTAssertTrue(diagnostic.message.contains(testCase.message), "case \(index): \(diagnostic.message)")
            }
        }
    }
}
