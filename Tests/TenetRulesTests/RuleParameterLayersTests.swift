import TenetDocument
import TenetGuard
import TenetRules
import XCTest

/// Defaults declared in metadata < pack values < repository configuration < `--rule-param`.
final class RuleParameterLayersTests: XCTestCase {
    private let library = RepositoryLibrary.library

    private func pack(_ rules: String) throws -> ResolvedPack {
        let text = "name: p\ndescription: d\nrules:\n\(rules)"
        return try ResolvedPack(try RulePackParser.parse(SourceText(name: "p.yaml", bytes: Array(text.utf8))), library: library)
    }

    private func flag(_ text: String) throws -> RuleParameterAssignment {
        try RuleParameterAssignment(parsing: text, library: library)
    }

    func testEachLayerOverridesTheOneBelowParameterByParameter() throws {
        let resolved = try pack("  - REQUIRED_TAGS: {tag1Key: FromPack, tag2Key: FromPack, tag3Key: FromPack}\n  - ACCESS_KEYS_ROTATED\n")
        let configuration: [String: [String: Value]] = [
            "REQUIRED_TAGS": ["tag2Key": "FromConfig", "tag3Key": "FromConfig"],
            "CW_LOGGROUP_RETENTION_PERIOD_CHECK": ["MinRetentionTime": 30],
        ]
        let parameters = try resolved.parameters(configuration: configuration, commandLine: [try flag("REQUIRED_TAGS.tag3Key=FromFlag")], library: library)
        let tags = try XCTUnwrap(parameters.byRule["REQUIRED_TAGS"]?.value)
        XCTAssertEqual(tags["tag1Key"], "FromPack")
        XCTAssertEqual(tags["tag2Key"], "FromConfig")
        XCTAssertEqual(tags["tag3Key"], "FromFlag")
        XCTAssertEqual(tags["tag4Key"], "", "a parameter no layer sets keeps its declared default")
        XCTAssertEqual(parameters.byRule["ACCESS_KEYS_ROTATED"]?.value, ["maxAccessKeyAge": 90])
        XCTAssertNil(parameters.byRule["CW_LOGGROUP_RETENTION_PERIOD_CHECK"], "configuration for a rule outside the pack is not an error, and not run")
    }

    func testALaterFlagWinsOverAnEarlierOne() throws {
        let resolved = try pack("  - ACCESS_KEYS_ROTATED\n")
        let flags = [try flag("ACCESS_KEYS_ROTATED.maxAccessKeyAge=30"), try flag("ACCESS_KEYS_ROTATED.maxAccessKeyAge=60")]
        let parameters = try resolved.parameters(configuration: ["ACCESS_KEYS_ROTATED": ["maxAccessKeyAge": 45]], commandLine: flags, library: library)
        XCTAssertEqual(parameters.byRule["ACCESS_KEYS_ROTATED"]?.value, ["maxAccessKeyAge": 60])
    }

    func testConfigurationNamingAnUnknownRuleOrParameterIsAnError() throws {
        let resolved = try pack("  - ACCESS_KEYS_ROTATED\n")
        for (configuration, message) in [
            (["NO_SUCH_RULE": ["x": Value.int(1)]], "NO_SUCH_RULE, which is not a managed rule"),
            (["ACCESS_KEYS_ROTATED": ["maxAge": Value.int(1)]], "ACCESS_KEYS_ROTATED.maxAge, which ACCESS_KEYS_ROTATED does not declare"),
        ] {
            XCTAssertThrowsError(try resolved.parameters(configuration: configuration, commandLine: [], library: library)) { error in
                XCTAssertEqual((error as? Diagnostic)?.code, .invalidRuleParameter)
                XCTAssertTrue((error as? Diagnostic)?.message.contains(message) == true, "\(error)")
            }
        }
    }

    func testFlagValuesAreReadAsYAML() throws {
        XCTAssertEqual(try flag("ACCESS_KEYS_ROTATED.maxAccessKeyAge=30").value, 30)
        XCTAssertEqual(try flag("ENCRYPTED_VOLUMES.kmsKeyIds=[arn:aws:kms:eu-west-1:1:key/a, b]").value, ["arn:aws:kms:eu-west-1:1:key/a", "b"])
        XCTAssertEqual(try flag("REQUIRED_TAGS.tag1Value=a=b,c").value, "a=b,c")
        XCTAssertEqual(try flag("REQUIRED_TAGS.tag1Key='30'").value, "30")
        let assignment = try flag("REQUIRED_TAGS.tag1Key=Owner")
        XCTAssertEqual(assignment, RuleParameterAssignment(rule: "REQUIRED_TAGS", parameter: "tag1Key", value: "Owner"))
    }

    func testMalformedFlagsPointAtTheirMistake() {
        let cases: [(flag: String, column: Int, message: String)] = [
            ("ACCESS_KEYS_ROTATED.maxAccessKeyAge", 1, "no '=' in --rule-param"),
            ("ACCESS_KEYS_ROTATED=30", 1, "does not name a rule and a parameter"),
            (".maxAccessKeyAge=30", 1, "does not name a rule and a parameter"),
            ("NO_SUCH_RULE.x=1", 1, "no managed rule NO_SUCH_RULE"),
            ("ACCESS_KEYS_ROTATED.maxAge=30", 21, "ACCESS_KEYS_ROTATED has no parameter 'maxAge'; it declares maxAccessKeyAge"),
            ("ACCESS_KEYS_ROTATED.maxAccessKeyAge=", 37, "no value after '='"),
            ("ACCESS_KEYS_ROTATED.maxAccessKeyAge=a: b", 37, "a scalar or a flow collection"),
            ("ACCESS_KEYS_ROTATED.maxAccessKeyAge=[1, 2", 37, ""),
        ]
        for testCase in cases {
            XCTAssertThrowsError(try flag(testCase.flag), testCase.flag) { error in
                guard let diagnostic = error as? Diagnostic else { return XCTFail("\(testCase.flag): \(error)") }
                XCTAssertEqual(diagnostic.location?.file, "--rule-param", testCase.flag)
                XCTAssertEqual(diagnostic.sourceLine, testCase.flag)
                XCTAssertGreaterThanOrEqual(diagnostic.location?.column ?? 0, testCase.column, "\(testCase.flag): \(diagnostic)")
                if !testCase.message.isEmpty {
                    XCTAssertEqual(diagnostic.location?.column, testCase.column, "\(testCase.flag): \(diagnostic)")
                    XCTAssertTrue(diagnostic.message.contains(testCase.message), "\(testCase.flag): \(diagnostic.message)")
                }
            }
        }
    }
}
