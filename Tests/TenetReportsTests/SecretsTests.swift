import Testing
import TenetDocument
import TenetInventory
import TenetReports
import TenetScan

/// Reports add no secret back: the collectors already replaced the password in the model by
/// the redaction marker, and the template on disk still holds it (and a NoEcho default). Every
/// format, in every variant, must print the marker the model holds and neither value from disk,
/// even where it quotes the very line that sets the password.
@Suite struct SecretsTests {
    static let template = "templates/database-with-secret.yaml"
    static let secretsOnDisk = ["Sup3r-Secret-Literal!", "NoEcho-Default-Value-7"]

    static var result: ScanResult {
        let rule = ScannedRule(
            id: "team-rules/no_literal_passwords", title: "Passwords come from dynamic references", severity: .high, metadata: nil,
            resourceTypes: ["AWS::RDS::DBInstance"], appliesToAccount: false, sourcePath: "team-rules/no_literal_passwords.guard",
            versionHash: ScannedRule.versionHash(ofText: "rule no_literal_passwords {}"))
        let database = ReportFixture.resource(template, "LegacyDatabase", "AWS::RDS::DBInstance", line: 9)
        let check = FailingCheck(
            propertyPath: JSONPointer(parsing: "/Properties/MasterUserPassword"), found: .string(SecretRedaction.marker),
            expected: nil, message: "MasterUserPassword must be a {{resolve:secretsmanager:…}} reference",
            reason: "MasterUserPassword is a literal string", location: FileLocation(file: template, line: 15, column: 27))
        return ScanResult(
            rules: [rule], documents: [template],
            evaluations: [Evaluation(ruleID: rule.id, resource: database, state: .nonCompliant, checks: [check])],
            evaluatedAt: ReportFixture.date("2026-11-20T12:00:00Z"))
    }

    @Test(arguments: ReportFormat.allCases)
    func noFormatPrintsASecretFromDisk(_ format: ReportFormat) {
        let variants = [
            ReportFixture.options(), ReportFixture.options(verbose: true), ReportFixture.options(colour: true),
            ReportFixture.options(junitAll: true),
        ]
        for options in variants {
            let output = String(decoding: format.encoder.encode(Self.result, options: options), as: UTF8.self)
            for secret in Self.secretsOnDisk {
                #expect(!output.contains(secret), "\(format) printed a secret")
            }
            #expect(output.contains(SecretRedaction.marker), "\(format) dropped the model's value")
        }
    }

    /// The text report quotes the password's line, with the value redacted.
    @Test func theQuotedLineIsRedacted() {
        let text = String(decoding: TextReportEncoder().encode(Self.result, options: ReportFixture.options()), as: UTF8.self)
        #expect(text.contains("15 |       MasterUserPassword: \(SecretRedaction.marker)\n"))
    }
}
