import Foundation
import TenetDocument
import TenetGuard
import TenetInventory
import TenetRules
import TenetScan
import TenetTemplates
import Testing

/// The engine over real templates and the repository's own managed rules.
@Suite struct ScanEngineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    static func managedRules(_ paths: [String], parameters: Value? = nil) throws -> RuleSet {
        let rules = try RuleSet.customRules(at: paths.map { repository + "/rules/" + $0 })
        var parameterSet = RuleParameters(defaultsOf: rules.compactMap(\.descriptor.metadata))
        if let parameters {
            for rule in rules { parameterSet.byRule[rule.descriptor.id] = Document(value: parameters).root }
        }
        return try RuleSet(rules: rules, parameters: parameterSet)
    }

    static func scan(_ template: String, rules: RuleSet, inputs: TemplateInputs = TemplateInputs()) throws -> ScanResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-scan-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(template.utf8).write(to: URL(fileURLWithPath: directory + "/stack.yaml"))
        let set = try TemplateSet.collect(
            ["stack.yaml"], discovery: TemplateFileDiscovery(workingDirectory: directory), collector: TemplateCollector(inputs: inputs))
        return ScanEngine(ruleSet: rules).scan(set.templates.map(ScanDocument.init(template:)), evaluatedAt: Date(timeIntervalSince1970: 0))
    }

    static let buckets = """
        Parameters:
          Encrypt: {Type: String, AllowedValues: ["yes", "no"]}
        Conditions:
          WantEncryption: !Equals [!Ref Encrypt, "yes"]
        Resources:
          Encrypted:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}
          Plain:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault: {SSEAlgorithm: DES}
          Maybe:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption: !If
                - WantEncryption
                - ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]
                - !Ref AWS::NoValue
          Disk:
            Type: AWS::EC2::Volume
            Properties: {Size: 10, AvailabilityZone: eu-west-1a}
        """

    @Test func eachResourceOfTheRulesTypesGetsItsOwnVerdict() throws {
        let rules = try Self.managedRules(["encryption/S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED.guard"], parameters: ["requireExplicitEncryption": true])
        let result = try Self.scan(Self.buckets, rules: rules)
        let states = Dictionary(uniqueKeysWithValues: result.evaluations.map { ($0.resource.id.rawValue, $0.state) })
        #expect(states == [
            "stack.yaml#Encrypted": .compliant,
            "stack.yaml#Plain": .nonCompliant,
            "stack.yaml#Maybe": .nonCompliant,
        ])
        let plain = try #require(result.evaluations.first { $0.resource.id == "stack.yaml#Plain" })
        #expect(plain.resource.location == FileLocation(file: "stack.yaml", line: 12, column: 3))
        // A disjunction reports each of its failing sides, as cfn-guard does.
        #expect(plain.checks.count == 2)
        let check = try #require(plain.checks.first { $0.found == "DES" })
        #expect(check.propertyPath?.description == "/Properties/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
        #expect(check.location?.line == 17)
        #expect(check.message?.contains("Violation") == true)
        #expect(result.rule("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")?.severity != nil)
    }

    @Test func aFindingOnAnUnresolvedValueSaysWhatItDependsOn() throws {
        let rules = try Self.managedRules(["encryption/S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED.guard"], parameters: ["requireExplicitEncryption": true])
        let undecided = try Self.scan(Self.buckets, rules: rules)
        let maybe = try #require(undecided.evaluations.first { $0.resource.id == "stack.yaml#Maybe" })
        #expect(maybe.checks.contains { $0.unresolvedDependency == "condition WantEncryption" })

        let decided = try Self.scan(Self.buckets, rules: rules, inputs: TemplateInputs(parameterValues: ["Encrypt": "yes"]))
        #expect(decided.evaluations.first { $0.resource.id == "stack.yaml#Maybe" }?.state == .compliant)
    }

    @Test func aMissingPropertyDoesNotDependOnItsUnresolvedSiblings() throws {
        let rules = try Self.managedRules(["encryption/ENCRYPTED_VOLUMES.guard"])
        let template = """
            Parameters:
              Zone: {Type: String}
              Flag: {Type: String}
            Resources:
              Unencrypted:
                Type: AWS::EC2::Volume
                Properties: {Size: 10, AvailabilityZone: !Ref Zone}
              Undecided:
                Type: AWS::EC2::Volume
                Properties: {Size: 10, AvailabilityZone: eu-west-1a, Encrypted: !Ref Flag}
            """
        let result = try Self.scan(template, rules: rules)
        let unencrypted = try #require(result.evaluations.first { $0.resource.id == "stack.yaml#Unencrypted" })
        #expect(unencrypted.state == .nonCompliant)
        #expect(!unencrypted.checks.isEmpty && unencrypted.checks.allSatisfy { $0.unresolvedDependency == nil })
        let undecided = try #require(result.evaluations.first { $0.resource.id == "stack.yaml#Undecided" })
        #expect(undecided.checks.contains { $0.unresolvedDependency == "parameter Flag (no value given)" })
    }

    @Test func aRuleThatSkipsLeavesItsResourcesNotApplicable() throws {
        let rules = try Self.managedRules(["encryption/ENCRYPTED_VOLUMES.guard"])
        let result = try Self.scan("Resources:\n  Disk:\n    Type: AWS::EC2::Volume\n    Properties: {Encrypted: true}\n  Other:\n    Type: AWS::EC2::Volume\n    Properties: {Encrypted: false}\n", rules: rules)
        #expect(result.evaluations.map(\.state) == [.compliant, .nonCompliant])
        let none = try Self.scan("Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n", rules: rules)
        #expect(none.evaluations.isEmpty, "a rule whose types are absent says nothing")
    }

    /// Bundled rules are parsed when a scan first evaluates them, so a text that does not parse is
    /// an ERROR on each of the rule's resources, never dropped; a rule whose types are absent says
    /// nothing, broken or not.
    @Test func aRuleParsedWhenFirstEvaluatedFailsAsAnError() throws {
        func broken(_ id: String, on type: ResourceType) -> CompiledRule {
            let source = SourceText(name: "rules/encryption/\(id).guard", bytes: Array("rule \(id) {\n    Resources.* ==\n".utf8))
            return CompiledRule(
                descriptor: ScannedRule(
                    id: id, title: id, severity: .high, metadata: nil, resourceTypes: [type], appliesToAccount: false, sourcePath: source.name,
                    versionHash: ScannedRule.versionHash(of: source.bytes)),
                body: RuleBody(source: source))
        }
        let result = try Self.scan(Self.buckets, rules: try RuleSet(rules: [broken("BUCKETS", on: "AWS::S3::Bucket"), broken("QUEUES", on: "AWS::SQS::Queue")]))
        #expect(result.evaluations.map(\.ruleID) == ["BUCKETS", "BUCKETS", "BUCKETS"])
        #expect(result.evaluations.allSatisfy { $0.state == .error && $0.detail?.hasPrefix("rules/encryption/BUCKETS.guard:") == true })
    }

    @Test func accountLevelRulesAndStrayFailuresBelongToTheDocument() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-custom-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("""
            rule template_has_description {
                Description exists
            }
            """.utf8).write(to: URL(fileURLWithPath: directory + "/described.guard"))
        try Data("""
            let queues = Resources.*[ Type == 'AWS::SQS::Queue' ]
            rule queues_encrypted when %queues !empty {
                %queues.Properties.KmsMasterKeyId exists
            }
            """.utf8).write(to: URL(fileURLWithPath: directory + "/queues.guard"))
        let rules = try RuleSet(rules: try RuleSet.customRules(at: [directory]))
        #expect(rules.rules.map(\.descriptor.id) == ["described", "queues"])
        #expect(rules.rules.map(\.descriptor.severity) == [.medium, .medium])
        #expect(rules.rules[0].descriptor.appliesToAccount)
        #expect(rules.rules[1].descriptor.resourceTypes == ["AWS::SQS::Queue"])

        let result = try Self.scan("Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n", rules: rules)
        let byRule = Dictionary(grouping: result.evaluations, by: \.ruleID)
        #expect(byRule["described"]?.map(\.resource.type) == [.account])
        #expect(byRule["described"]?.first?.state == .nonCompliant)
        #expect(byRule["queues"]?.map(\.state) == [.nonCompliant])
        #expect(byRule["queues"]?.first?.resource.id == "stack.yaml#Jobs")
    }

    /// A tag rule fails on a rule parameter (`%keys in %present_keys`) or on a filter that matched
    /// nothing (`Tags[ Key == … ] !empty`): neither failing value lies under the resource, yet the
    /// resource the block was looking at is the one at fault, never the account.
    @Test func aFailureOnAParameterOrAnEmptyFilterBelongsToTheResourceLookedAt() throws {
        let rules = try Self.managedRules([
            "tagging-and-ownership/RESOURCE_COST_ALLOCATION_TAGS_PRESENT.guard",
            "tagging-and-ownership/DATA_STORE_CLASSIFICATION_TAG_PRESENT.guard",
        ])
        let result = try Self.scan("""
            Resources:
              Tagged:
                Type: AWS::S3::Bucket
                Properties:
                  Tags: [{Key: CostCenter, Value: "42"}, {Key: DataClassification, Value: internal}]
              Untagged:
                Type: AWS::S3::Bucket
                Properties:
                  Tags: [{Key: team, Value: platform}]
            """, rules: rules)
        #expect(!result.evaluations.contains { $0.resource.type == .account })
        let states = Dictionary(grouping: result.evaluations, by: \.resource.id).mapValues { $0.map(\.state) }
        #expect(states == ["stack.yaml#Tagged": [.compliant, .compliant], "stack.yaml#Untagged": [.nonCompliant, .nonCompliant]])
        let untagged = result.evaluations.filter { $0.resource.id == "stack.yaml#Untagged" }
        // Both point into the resource that was looked at: its body starts on line 7.
        #expect(untagged.flatMap { $0.checks.map { $0.location?.line } } == [7, 7])
    }

    /// `check` judges account-level rules once over all templates: a pseudo-document named
    /// `account`, not a file, whose own verdicts have no location, while a failure under a
    /// resource points at the failing node in that resource's template.
    @Test func theTemplatesJudgedTogetherAreTheAccountAndNoFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-account-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("rule trails_log {\n    Resources.*[ Properties.IsLogging exists ].Properties.IsLogging == true\n}\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/trails_log.guard"))
        try Data("let logging = Resources.*[ Properties.IsLogging == true ]\nrule has_a_trail {\n    %logging !empty\n}\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/has_a_trail.guard"))
        try Data("Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: logs\n      IsLogging: false\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/audit.yaml"))
        try Data("Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n".utf8).write(to: URL(fileURLWithPath: directory + "/storage.yaml"))
        let rules = try RuleSet(rules: try RuleSet.customRules(at: [directory + "/trails_log.guard", directory + "/has_a_trail.guard"]))
        #expect(rules.rules.allSatisfy { $0.descriptor.appliesToAccount })
        let set = try TemplateSet.collect(["audit.yaml", "storage.yaml"], discovery: TemplateFileDiscovery(workingDirectory: directory))

        let result = try ScanEngine(ruleSet: rules).scan(templates: set.templates, evaluatedAt: testClock)
        #expect(result.documents == ["audit.yaml", "storage.yaml"])
        #expect(result.accountDocument == "account")
        let trail = try #require(result.evaluations.first { $0.ruleID == "trails_log" && $0.resource.type != .account })
        #expect(trail.resource.id == "audit.yaml#Trail")
        #expect(trail.checks.map(\.location) == [FileLocation(file: "audit.yaml", line: 6, column: 18)])
        let account = try #require(result.evaluations.first { $0.ruleID == "has_a_trail" })
        #expect(account.resource == ScannedResource(id: "account", type: .account, document: "account"))
        #expect(account.state == .nonCompliant)
        #expect(!account.checks.isEmpty)
        #expect(account.checks.allSatisfy { $0.location == nil })
    }

    /// As AWS Config judges its `AWS::::Account`, the account answers for an account-level rule's
    /// failures under no resource alone: a trail that is not logging is the trail's finding, not
    /// the account's as well, and the account is not NON_COMPLIANT without a check.
    @Test func anAccountRuleFailingOnlyUnderAResourceLeavesTheAccountCompliant() throws {
        var ruleFiles: [CompiledRule] = []
        try withTemporaryDirectory { directory in
            let file = directory.appending(path: "trails_log.guard")
            try Data("rule trails_log {\n    Resources.*[ Properties.IsLogging exists ].Properties.IsLogging == true\n}\n".utf8).write(to: file)
            ruleFiles = try RuleSet.customRules(at: [file.path])
        }
        let rules = try RuleSet(rules: ruleFiles)
        #expect(rules.rules.first?.descriptor.appliesToAccount == true)
        let trails = "Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: %@\n"

        let failing = try Self.scan(trails.replacingOccurrences(of: "%@", with: "false"), rules: rules).evaluations
        let trail = try #require(failing.first { $0.resource.id == "stack.yaml#Trail" })
        #expect(trail.state == .nonCompliant)
        #expect(trail.checks.map(\.location) == [FileLocation(file: "stack.yaml", line: 5, column: 18)])
        let account = try #require(failing.first { $0.resource.type == .account })
        #expect(account.state == .compliant)
        #expect(account.checks.isEmpty)
        #expect(failing.count == 2)

        let passing = try Self.scan(trails.replacingOccurrences(of: "%@", with: "true"), rules: rules).evaluations
        #expect(passing.map(\.resource.type) == [.account])
        #expect(passing.map(\.state) == [.compliant])
    }

    /// A live collection is no file: its account and its resources' findings have no location,
    /// and the result says what the document is. The same snapshot read from an inventory file
    /// points at the file's header.
    @Test func aLiveCollectionIsNoFile() throws {
        let rules = try Self.managedRules(["encryption/S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED.guard"], parameters: ["requireExplicitEncryption": true])
        let header = SnapshotHeader(
            capturedAt: Date(timeIntervalSince1970: 0), collector: .aws,
            source: .aws(account: "123456789012", regions: ["eu-west-1"], endpoint: nil), completeness: .complete)
        let bucket = InventoryResource(
            type: "AWS::S3::Bucket", id: "arn:aws:s3:::plain", account: "123456789012", region: "eu-west-1",
            properties: Document(value: ["BucketName": "plain"]).root)
        let name = "aws:123456789012:eu-west-1"
        let projection = try SnapshotProjection(header: header, resources: [bucket], name: name)

        let live = ScanEngine(ruleSet: rules).scan([ScanDocument(projection: projection, name: name, origin: .live)])
        #expect(live.liveDocuments == [name])
        #expect(live.origin(ofDocument: name) == .live)
        let plain = try #require(live.evaluations.first { $0.resource.id == "arn:aws:s3:::plain" })
        #expect(plain.state == .nonCompliant)
        #expect(plain.resource.location == nil)
        #expect(!plain.checks.isEmpty)
        #expect(plain.checks.allSatisfy { $0.location == nil })
        let account = ScanDocument(projection: projection, name: name, origin: .live).account
        #expect(account == ScannedResource(id: ResourceID(name), type: .account, document: name))

        let file = ScanEngine(ruleSet: rules).scan([ScanDocument(projection: projection, name: "inventory.jsonl")])
        #expect(file.liveDocuments.isEmpty)
        #expect(file.origin(ofDocument: "inventory.jsonl") == .file)
        #expect(ScanDocument(projection: projection, name: "inventory.jsonl").account.location == FileLocation(file: "inventory.jsonl", line: 1, column: 1))
    }

    @Test func typesTheCollectorCouldNotReadHaveInsufficientData() throws {
        let rules = try Self.managedRules(["encryption/ENCRYPTED_VOLUMES.guard"])
        let document = ScanDocument(
            name: "inventory.jsonl", root: Document(value: ["Resources": [:]]).root, entries: [],
            insufficientTypes: ["AWS::EC2::Volume": "ec2: connection refused"])
        let result = ScanEngine(ruleSet: rules).scan([document])
        #expect(result.evaluations.map(\.state) == [.insufficientData])
        #expect(result.evaluations.first?.detail?.contains("connection refused") == true)
    }
}
