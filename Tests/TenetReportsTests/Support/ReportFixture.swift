import Foundation
import TenetDocument
import TenetInventory
import TenetReports
import TenetRules
import TenetScan

/// The scan result every report test encodes: two templates (`Fixtures/templates`), rules of
/// every severity with real managed-rule metadata (`Fixtures/rules`, copied from `rules/` so the
/// goldens do not move when a rule's wording does), and every state — a suppressed finding, an
/// unresolved-intrinsic finding, an account-level finding, a missing property, evaluation errors,
/// insufficient data, a rule that applied to nothing, a skipped file, an expired suppression and
/// a baseline comparison.
enum ReportFixture {
    static let network = "templates/network.yaml"
    static let storage = "templates/storage.yaml"
    static let customRule = "team-rules/require_owner_tag"

    static func options(
        policy: FailurePolicy = FailurePolicy(), verbose: Bool = false, colour: Bool = false, junitAll: Bool = false,
        junitNoLocations: Bool = false
    ) -> ReportOptions {
        ReportOptions(
            policy: policy, verbose: verbose, colour: colour, junitAll: junitAll, junitNoLocations: junitNoLocations,
            toolVersion: "0.9.0", baseDirectory: TestPaths.fixtures.path)
    }

    static func managedRule(_ id: String) -> ScannedRule {
        let file = TestPaths.fixtures.appending(path: "rules/\(id).guard")
        let bytes = [UInt8](try! Data(contentsOf: file))
        let metadata = try! RuleMetadataParser.parse(SourceText(name: "rules/\(id).guard", bytes: bytes))
        let types: [ResourceType]
        if case .resourceTypes(let names) = metadata.target { types = names.map { ResourceType($0) } } else { types = [] }
        return ScannedRule(
            id: id, title: metadata.title, severity: metadata.severity, metadata: metadata, resourceTypes: types,
            appliesToAccount: metadata.target == .account, sourcePath: "rules/\(metadata.area.rawValue)/\(id).guard",
            versionHash: ScannedRule.versionHash(ofText: String(decoding: bytes, as: UTF8.self)))
    }

    static var rules: [ScannedRule] {
        let managed = [
            "DMS_REPLICATION_NOT_PUBLIC", "EC2_SECURITY_GROUP_RDP_RESTRICTED", "LOGS_LOG_GROUP_RETENTION_DEFINED",
            "RDS_ENHANCED_MONITORING_ENABLED", "RDS_INSTANCE_PERFORMANCE_INSIGHTS_ENABLED", "RDS_INSTANCE_PUBLIC_ACCESS_CHECK",
            "RDS_STORAGE_ENCRYPTED", "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
        ].map(managedRule)
        let custom = ScannedRule(
            id: customRule, title: "require_owner_tag", severity: .medium, metadata: nil, resourceTypes: ["AWS::EC2::SecurityGroup"],
            appliesToAccount: false, sourcePath: "team-rules/require_owner_tag.guard",
            versionHash: ScannedRule.versionHash(ofText: "rule require_owner_tag { Tags[*].Key == 'owner' }"))
        return managed + [custom]
    }

    static func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    static func resource(_ document: String, _ logicalID: String, _ type: ResourceType, line: Int) -> ScannedResource {
        ScannedResource(
            id: .template(path: document, logicalID: logicalID), type: type, document: document,
            location: FileLocation(file: document, line: line, column: 3))
    }

    static func pointer(_ text: String) -> JSONPointer { JSONPointer(parsing: text)! }

    static let adminGroup = resource(network, "AdminSecurityGroup", "AWS::EC2::SecurityGroup", line: 4)
    static let webGroup = resource(network, "WebSecurityGroup", "AWS::EC2::SecurityGroup", line: 20)
    static let archiveBucket = resource(storage, "ArchiveBucket", "AWS::S3::Bucket", line: 18)
    static let reportsBucket = resource(storage, "ReportsBucket", "AWS::S3::Bucket", line: 11)
    static let database = resource(storage, "ReportsDatabase", "AWS::RDS::DBInstance", line: 22)
    static let logGroup = resource(storage, "ReportsLogGroup", "AWS::Logs::LogGroup", line: 32)

    static let expiredSuppression = Suppression(
        rule: "LOGS_LOG_GROUP_RETENTION_DEFINED", resource: "ReportsLogGroup",
        reason: "Retention is set by the log archive account's subscription filter", owner: "observability",
        expires: date("2026-10-01T23:59:59Z"), origin: .central, location: FileLocation(file: ".tenet/suppressions.yaml", line: 2, column: 5))

    static var evaluations: [Evaluation] {
        let ruleError = "function regex_replace: invalid pattern '(['"
        return [
            Evaluation(
                ruleID: "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", resource: .account(ofDocument: network), state: .insufficientData,
                detail: "a template does not declare the account's S3 public access block; scan a collected inventory to evaluate it"),
            Evaluation(
                ruleID: "EC2_SECURITY_GROUP_RDP_RESTRICTED", resource: adminGroup, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: pointer("/Properties/SecurityGroupIngress/0/CidrIp"), found: "0.0.0.0/0", expected: nil,
                    message: nil, reason: "port 3389 is open to 0.0.0.0/0",
                    location: FileLocation(file: network, line: 19, column: 19))],
                suppression: Suppression(
                    rule: "EC2_SECURITY_GROUP_RDP_RESTRICTED",
                    reason: "Bastion reachable only through the corporate VPN range, review with NET-142", owner: "network-team",
                    expires: date("2027-03-31T23:59:59Z"), origin: .inlineTenet, location: FileLocation(file: network, line: 9, column: 13)),
                baseline: .persistent),
            Evaluation(ruleID: customRule, resource: adminGroup, state: .error, detail: ruleError),
            Evaluation(ruleID: "EC2_SECURITY_GROUP_RDP_RESTRICTED", resource: webGroup, state: .compliant),
            Evaluation(ruleID: customRule, resource: webGroup, state: .error, detail: ruleError),
            Evaluation(
                ruleID: "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", resource: .account(ofDocument: storage), state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: nil, found: nil, expected: nil, message: nil,
                    reason: "no AWS::S3::AccountPublicAccessBlock blocks public ACLs and policies for the account", location: nil)],
                baseline: .new),
            Evaluation(ruleID: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", resource: archiveBucket, state: .compliant),
            Evaluation(ruleID: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", resource: reportsBucket, state: .compliant),
            Evaluation(
                ruleID: "RDS_ENHANCED_MONITORING_ENABLED", resource: database, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: pointer("/Properties/MonitoringInterval"), found: nil, expected: [1, 5, 10, 15, 30, 60],
                    message: nil, reason: "MonitoringInterval does not exist", location: database.location)],
                baseline: .persistent),
            Evaluation(ruleID: "RDS_INSTANCE_PERFORMANCE_INSIGHTS_ENABLED", resource: database, state: .notApplicable),
            Evaluation(
                ruleID: "RDS_INSTANCE_PUBLIC_ACCESS_CHECK", resource: database, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: pointer("/Properties/PubliclyAccessible"), found: true, expected: false,
                    message: "RDS instances must not be reachable from the internet", reason: "PubliclyAccessible is true",
                    location: FileLocation(file: storage, line: 30, column: 27))],
                baseline: .new),
            Evaluation(
                ruleID: "RDS_STORAGE_ENCRYPTED", resource: database, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: pointer("/Properties/StorageEncrypted"), found: ["Ref": "EncryptStorage"], expected: true,
                    message: nil, reason: "StorageEncrypted is an unresolved intrinsic, not true",
                    location: FileLocation(file: storage, line: 31, column: 25), unresolvedDependency: "parameter EncryptStorage")],
                baseline: .new),
            Evaluation(
                ruleID: "LOGS_LOG_GROUP_RETENTION_DEFINED", resource: logGroup, state: .nonCompliant,
                checks: [FailingCheck(
                    propertyPath: pointer("/Properties/RetentionInDays"), found: nil, expected: nil, message: nil,
                    reason: "RetentionInDays does not exist", location: logGroup.location)],
                baseline: .new),
        ]
    }

    static var scanResult: ScanResult {
        ScanResult(
            rules: rules, documents: [network, storage], evaluations: evaluations,
            skippedFiles: [ScanResult.SkippedFile(path: "charts/values.yaml", reason: "not a CloudFormation template (no AWSTemplateFormatVersion or Resources)")],
            expiredSuppressions: [expiredSuppression],
            fixedFindings: [FindingFingerprint(rule: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", resource: .template(path: storage, logicalID: "ArchiveBucket"), propertyPath: "/Properties/BucketEncryption")],
            evaluatedAt: date("2026-11-20T12:00:00Z"))
    }
}
