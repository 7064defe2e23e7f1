import Foundation
import TenetAWS
import TenetDocument
import TenetInventory
import XCTest

/// AWS Config files in each delivered and CLI form, normalized by the live collector's normalizers.
final class AWSConfigImportTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/aws-config")

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    private func resource(_ outcome: AWSConfigImport.Outcome, _ type: ResourceType, _ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> InventoryResource {
        try XCTUnwrap(outcome.resources.first { $0.type == type && $0.id.rawValue == id }, "no \(type) \(id) among \(outcome.resources.map(\.id.rawValue))", file: file, line: line)
    }

    func testASnapshotAsDeliveredToS3() throws {
        let outcome = try AWSConfigImport.read(files: [fixture("snapshot.json")])
        XCTAssertEqual(outcome.skippedTypes, ["AWS::Config::ResourceCompliance": 1])
        XCTAssertFalse(outcome.resources.contains { $0.id.rawValue.contains("vol-0deadbeefdeadbeef") }, "a deleted resource is left out")

        let assets = try resource(outcome, "AWS::S3::Bucket", "arn:aws:s3:::shop-assets")
        XCTAssertEqual(assets.account, "123456789012")
        XCTAssertEqual(assets.region, "eu-west-1")
        XCTAssertEqual(assets.properties.value, [
            "BucketName": "shop-assets",
            "BucketEncryption": ["ServerSideEncryptionConfiguration": [
                ["ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "arn:aws:kms:eu-west-1:123456789012:key/4a1b7b52-6c0e-4f6f-9d32-0c6e2e7f1a10"], "BucketKeyEnabled": true],
            ]],
            "VersioningConfiguration": ["Status": "Enabled"],
            "PublicAccessBlockConfiguration": ["BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true],
            "LoggingConfiguration": ["DestinationBucketName": "shop-logs", "LogFilePrefix": "assets/"],
            "Tags": [["Key": "env", "Value": "prod"]],
        ])
        let policy = try resource(outcome, "AWS::S3::BucketPolicy", "arn:aws:s3:::shop-assets#policy")
        XCTAssertEqual(policy.properties["PolicyDocument"]?["Statement"]?[0]?["Effect"]?.stringValue, "Deny")
        let exports = try resource(outcome, "AWS::S3::Bucket", "arn:aws:s3:::shop-exports")
        XCTAssertEqual(exports.properties.value, ["BucketName": "shop-exports"], "versioning Off is CloudFormation's absent VersioningConfiguration")

        let volume = try resource(outcome, "AWS::EC2::Volume", "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0a1b2c3d4e5f60718")
        XCTAssertEqual(volume.properties.value, [
            "AvailabilityZone": "eu-west-1a", "Size": 100, "VolumeType": "gp3", "Encrypted": false, "Iops": 3000, "Throughput": 125, "MultiAttachEnabled": false,
        ])
        XCTAssertEqual(volume.relationships, [ResourceRelationship(.attachedTo, "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0")])

        let group = try resource(outcome, "AWS::EC2::SecurityGroup", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0f1e2d3c4b5a69788")
        XCTAssertEqual(group.properties["SecurityGroupIngress"]?.value, [["IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"]],
                       "ipRanges and ipv4Ranges name the same range once")
        XCTAssertEqual(group.properties["SecurityGroupEgress"]?.value, [["IpProtocol": "-1", "CidrIp": "0.0.0.0/0"]])
        XCTAssertEqual(group.tags, ["Name": "bastion"])

        let user = try resource(outcome, "AWS::IAM::User", "arn:aws:iam::123456789012:user/deploy")
        XCTAssertNil(user.region)
        XCTAssertEqual(user.properties.value, [
            "UserName": "deploy", "Path": "/", "Groups": ["deployers"],
            "Policies": [["PolicyName": "push-artifacts", "PolicyDocument": [
                "Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::shop-assets/*"]],
            ]]],
            "ManagedPolicyArns": ["arn:aws:iam::123456789012:policy/shop-read"],
        ])
        let managed = try resource(outcome, "AWS::IAM::ManagedPolicy", "arn:aws:iam::123456789012:policy/shop-read")
        XCTAssertEqual(managed.properties["Users"]?.value, ["deploy"])
        XCTAssertEqual(managed.properties["PolicyDocument"]?["Statement"]?[0]?["Action"]?.stringValue, "s3:GetObject", "the default version, v2")

        let function = try resource(outcome, "AWS::Lambda::Function", "arn:aws:lambda:eu-west-1:123456789012:function:shop-checkout")
        XCTAssertEqual(function.properties["Environment"]?.value, ["Variables": ["STRIPE_API_KEY": .string(SecretRedaction.marker)]])
        XCTAssertEqual(function.properties["TracingConfig"]?.value, ["Mode": "Active"])
        XCTAssertEqual(function.properties["Architectures"]?.value, ["arm64"])
        XCTAssertNil(function.properties["VpcConfig"], "empty subnet and group lists: no VPC")
    }

    func testConfigHistoryKeepsTheNewestItemAndParsesEmbeddedJSON() throws {
        let outcome = try AWSConfigImport.read(files: [fixture("history.json")])
        XCTAssertEqual(outcome.resources.count, 1)
        let table = try resource(outcome, "AWS::DynamoDB::Table", "arn:aws:dynamodb:eu-west-1:123456789012:table/shop-orders")
        XCTAssertEqual(table.properties.value, [
            "TableName": "shop-orders",
            "KeySchema": [["AttributeName": "orderId", "KeyType": "HASH"]],
            "AttributeDefinitions": [["AttributeName": "orderId", "AttributeType": "S"]],
            "BillingMode": "PAY_PER_REQUEST",
            "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true],
            "SSESpecification": ["SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": "arn:aws:kms:eu-west-1:123456789012:key/4a1b7b52-6c0e-4f6f-9d32-0c6e2e7f1a10"],
            "DeletionProtectionEnabled": true,
            "Tags": [["Key": "env", "Value": "prod"]],
        ])
    }

    func testSelectResourceConfigResults() throws {
        let outcome = try AWSConfigImport.read(files: [fixture("select.json")])
        let key = try resource(outcome, "AWS::KMS::Key", "arn:aws:kms:eu-west-1:123456789012:key/4a1b7b52-6c0e-4f6f-9d32-0c6e2e7f1a10")
        XCTAssertEqual(key.tags, ["team": "payments"])
        XCTAssertEqual(key.properties["Description"]?.stringValue, "shop data")
        XCTAssertNil(key.properties["EnableKeyRotation"], "Config does not record rotation; absent, never guessed")
        // The live collector's id: Config's ARN without its trailing `:*`.
        let group = try resource(outcome, "AWS::Logs::LogGroup", "arn:aws:logs:eu-west-1:123456789012:log-group:/shop/checkout")
        XCTAssertEqual(group.properties.value, ["LogGroupName": "/shop/checkout", "RetentionInDays": 14])
    }

    func testBadInputNamesFileLineAndColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> String {
            try write(name, bytes: Data(text.utf8))
        }
        func write(_ name: String, bytes: Data) throws -> String {
            let url = directory.appendingPathComponent(name)
            try bytes.write(to: url)
            return url.path
        }
        let cases: [(file: String, code: DiagnosticCode, line: Int, column: Int, says: String)] = [
            (try write("template.json", "{\"Resources\": {}}"), .invalidConfigFile, 1, 1, "not an AWS Config file"),
            (try write("broken.json", "{\"configurationItems\": [\n  {\"resourceType\": \"AWS::S3::Bucket\",}\n]}"), .jsonSyntax, 2, 38, "expected a string key"),
            (try write("untyped.json", "{\"configurationItems\": [\n  {\"resourceId\": \"x\"}\n]}"), .invalidConfigFile, 2, 3, "no 'resourceType'"),
            (try write("results.json", "{\"Results\": [\n  \"{not json\"\n]}"), .invalidConfigFile, 2, 3, "not valid JSON"),
            (try write("selected.json", "{\"Results\": [\n  \"{\\\"resourceId\\\": \\\"x\\\"}\"\n]}"), .invalidConfigFile, 2, 3, "no 'resourceType'"),
            (try write("snapshot.json.gz", bytes: Data([0x1F, 0x8B, 0x08, 0x00])), .invalidConfigFile, 1, 1, "gzip-compressed"),
            (try write("history.json", "{\"configurationItems\": [\n  {\"resourceType\": \"AWS::EC2::Volume\", \"configuration\": \"{\\\"volumeId\\\": \"}\n]}"), .invalidConfigFile, 2, 57, "does not parse"),
        ]
        for bad in cases {
            XCTAssertThrowsError(try AWSConfigImport.read(files: [bad.file]), bad.file) { error in
                guard let diagnostic = error as? Diagnostic else { return XCTFail("\(error)") }
                XCTAssertEqual(diagnostic.code, bad.code, diagnostic.description)
                XCTAssertEqual(diagnostic.location?.file, bad.file)
                XCTAssertEqual(diagnostic.location?.line, bad.line, diagnostic.description)
                XCTAssertEqual(diagnostic.location?.column, bad.column, diagnostic.description)
                XCTAssertTrue(diagnostic.message.contains(bad.says), diagnostic.message)
            }
        }
    }
}
