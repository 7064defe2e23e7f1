import Foundation
import TenetAWS
import TenetDocument
import TenetInventory
import TenetTestServers
import XCTest

/// Collects a seeded estate from a real moto server and checks the normalized inventory field by
/// field: the CloudFormation names and nesting, ids, tags and relationships.
final class AWSCollectorTests: XCTestCase {
    private struct Estate: Decodable, Sendable {
        var account: String
        var keyID: String
        var keyArn: String
        var vpc: String
        var subnet: String
        var openSSHGroup: String
        var instance: String
        var encryptedVolume: String
        var plainVolume: String
        var roleArn: String
        var policyArn: String
        var topicArn: String
    }

    /// One seeded moto for the class: the tests only read its state.
    private static let moto: Result<(server: TestServer, estate: Estate), any Error> = Result {
        let server = try TestServer.moto()
        do {
            let output = try PythonScript.run("seed_estate.py", arguments: [server.url, "estate"])
            return (server, try JSONDecoder().decode(Estate.self, from: output))
        } catch {
            server.stop()
            throw error
        }
    }

    override class func tearDown() {
        if case .success(let moto) = moto { moto.server.stop() }
        super.tearDown()
    }

    private static let fastRetries = RetryPolicy(maxAttempts: 2, sleep: { _ in })

    /// A refused connection is retried by the HTTP client until the timeout, so tests with a
    /// closed port pass a short one.
    private func collector(
        _ server: TestServer, pageSize: Int? = 2, includeSecrets: Bool = false, environment: [String: String] = [:], timeout: Duration = .seconds(10)
    ) -> AWSCollector {
        let endpoints = environment.isEmpty ? EndpointResolver(explicitEndpoint: server.endpoint) : EndpointResolver(environment: environment)
        return AWSCollector(
            credentials: AWSCredentials(accessKeyID: "AKIDTESTING", secretAccessKey: "testing"), regions: ["us-east-1"], endpoints: endpoints,
            transport: AWSTransport(retryPolicy: Self.fastRetries, timeout: timeout), includeSecrets: includeSecrets, pageSize: pageSize)
    }

    private func resource(_ outcome: AWSCollector.Outcome, _ type: ResourceType, _ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> InventoryResource {
        try XCTUnwrap(outcome.resources.first { $0.type == type && $0.id.rawValue == id }, "no \(type) \(id) among \(outcome.resources.map(\.id.rawValue))", file: file, line: line)
    }

    func testTheSeededEstateIsCollectedInTheCloudFormationShape() async throws {
        let (server, estate) = try Self.moto.get()
        let outcome = try await collector(server).collect()
        XCTAssertEqual(outcome.account, estate.account)
        XCTAssertEqual(outcome.completeness, .complete, "\(outcome.failedTypes)")
        XCTAssertTrue(zip(outcome.resources, outcome.resources.dropFirst()).allSatisfy { ($0.type, $0.id) < ($1.type, $1.id) }, "sorted by type, then id")

        let encryptedBucket = try resource(outcome, "AWS::S3::Bucket", "arn:aws:s3:::estate-encrypted")
        XCTAssertEqual(encryptedBucket.region, "us-east-1")
        XCTAssertEqual(encryptedBucket.tags, ["env": "prod"])
        XCTAssertEqual(encryptedBucket.properties.value, [
            "BucketName": "estate-encrypted",
            "BucketEncryption": ["ServerSideEncryptionConfiguration": [
                ["ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .string(estate.keyArn)], "BucketKeyEnabled": true],
            ]],
            "VersioningConfiguration": ["Status": "Enabled"],
            "PublicAccessBlockConfiguration": ["BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true],
            "LoggingConfiguration": ["DestinationBucketName": "estate-logs", "LogFilePrefix": "encrypted/"],
            "Tags": [["Key": "env", "Value": "prod"]],
        ])
        XCTAssertEqual(Set(encryptedBucket.relationships), [
            ResourceRelationship(.references, ResourceID(estate.keyArn)), ResourceRelationship(.references, "arn:aws:s3:::estate-logs"),
        ])
        let plainBucket = try resource(outcome, "AWS::S3::Bucket", "arn:aws:s3:::estate-plain")
        XCTAssertEqual(plainBucket.properties.value, ["BucketName": "estate-plain"], "no encryption, versioning, block or tags: all absent")
        XCTAssertEqual(plainBucket.tags, [:])
        let bucketPolicy = try resource(outcome, "AWS::S3::BucketPolicy", "arn:aws:s3:::estate-encrypted#policy")
        XCTAssertEqual(bucketPolicy.properties["Bucket"]?.stringValue, "estate-encrypted")
        XCTAssertEqual(bucketPolicy.properties["PolicyDocument"]?["Statement"]?[0]?["Effect"]?.stringValue, "Deny", "the policy is parsed, not text")
        XCTAssertEqual(bucketPolicy.relationships, [ResourceRelationship(.attachedTo, "arn:aws:s3:::estate-encrypted")])

        let volumeARN = { (id: String) in "arn:aws:ec2:us-east-1:\(estate.account):volume/\(id)" }
        let encryptedVolume = try resource(outcome, "AWS::EC2::Volume", volumeARN(estate.encryptedVolume))
        XCTAssertEqual(encryptedVolume.properties["Encrypted"]?.boolValue, true)
        XCTAssertEqual(encryptedVolume.properties["KmsKeyId"]?.stringValue, estate.keyArn)
        XCTAssertEqual(encryptedVolume.properties["Size"]?.intValue, 8)
        XCTAssertEqual(encryptedVolume.properties["AvailabilityZone"]?.stringValue, "us-east-1a")
        XCTAssertEqual(encryptedVolume.properties["Tags"]?.value, [["Key": "Name", "Value": "data"]])
        XCTAssertEqual(encryptedVolume.name, "data")
        XCTAssertEqual(encryptedVolume.relationships, [ResourceRelationship(.references, ResourceID(estate.keyArn))])
        let plainVolume = try resource(outcome, "AWS::EC2::Volume", volumeARN(estate.plainVolume))
        XCTAssertEqual(plainVolume.properties["Encrypted"]?.boolValue, false)
        XCTAssertNil(plainVolume.properties["KmsKeyId"])
        XCTAssertNil(plainVolume.properties["Tags"], "untagged: no Tags property")
        XCTAssertEqual(plainVolume.relationships, [ResourceRelationship(.attachedTo, ResourceID("arn:aws:ec2:us-east-1:\(estate.account):instance/\(estate.instance)"))])

        let group = try resource(outcome, "AWS::EC2::SecurityGroup", "arn:aws:ec2:us-east-1:\(estate.account):security-group/\(estate.openSSHGroup)")
        XCTAssertEqual(group.properties["GroupName"]?.stringValue, "open-ssh")
        XCTAssertEqual(group.properties["GroupDescription"]?.stringValue, "SSH from anywhere")
        XCTAssertEqual(group.properties["VpcId"]?.stringValue, estate.vpc)
        XCTAssertEqual(group.properties["SecurityGroupIngress"]?.value, [
            ["IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0", "Description": "anyone"],
        ])
        XCTAssertEqual(group.relationships, [ResourceRelationship(.containedIn, ResourceID("arn:aws:ec2:us-east-1:\(estate.account):vpc/\(estate.vpc)"))])

        let instance = try resource(outcome, "AWS::EC2::Instance", "arn:aws:ec2:us-east-1:\(estate.account):instance/\(estate.instance)")
        XCTAssertEqual(instance.properties["InstanceType"]?.stringValue, "t3.micro")
        XCTAssertEqual(instance.properties["ImageId"]?.stringValue, "ami-12c6146b")
        XCTAssertEqual(instance.properties["SubnetId"]?.stringValue, estate.subnet)
        XCTAssertEqual(instance.properties["SecurityGroupIds"]?.value, [.string(estate.openSSHGroup)])
        XCTAssertTrue(instance.relationships.contains(ResourceRelationship(.containedIn, ResourceID("arn:aws:ec2:us-east-1:\(estate.account):subnet/\(estate.subnet)"))))

        let vpc = try resource(outcome, "AWS::EC2::VPC", "arn:aws:ec2:us-east-1:\(estate.account):vpc/\(estate.vpc)")
        XCTAssertEqual(vpc.properties["CidrBlock"]?.stringValue, "10.20.0.0/16")
        XCTAssertEqual(vpc.name, "estate")
        let subnet = try resource(outcome, "AWS::EC2::Subnet", "arn:aws:ec2:us-east-1:\(estate.account):subnet/\(estate.subnet)")
        XCTAssertEqual(subnet.properties["CidrBlock"]?.stringValue, "10.20.1.0/24")
        XCTAssertEqual(subnet.properties["VpcId"]?.stringValue, estate.vpc)
        XCTAssertEqual(subnet.relationships, [ResourceRelationship(.containedIn, ResourceID("arn:aws:ec2:us-east-1:\(estate.account):vpc/\(estate.vpc)"))])

        let alice = try resource(outcome, "AWS::IAM::User", "arn:aws:iam::\(estate.account):user/alice")
        XCTAssertNil(alice.region, "IAM is global")
        XCTAssertEqual(alice.tags, ["team": "ops"])
        XCTAssertEqual(alice.properties["UserName"]?.stringValue, "alice")
        XCTAssertEqual(alice.properties["Policies"]?.value, [
            ["PolicyName": "read-logs", "PolicyDocument": ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "logs:Get*", "Resource": "*"]]]],
        ])
        let bob = try resource(outcome, "AWS::IAM::User", "arn:aws:iam::\(estate.account):user/bob")
        XCTAssertEqual(bob.tags, [:])
        XCTAssertNil(bob.properties["Policies"])
        let role = try resource(outcome, "AWS::IAM::Role", estate.roleArn)
        XCTAssertEqual(role.properties["ManagedPolicyArns"]?.value, [.string(estate.policyArn)])
        XCTAssertEqual(role.properties["AssumeRolePolicyDocument"]?["Statement"]?[0]?["Principal"]?["Service"]?.stringValue, "lambda.amazonaws.com")
        XCTAssertEqual(role.relationships, [ResourceRelationship(.references, ResourceID(estate.policyArn))])
        let policy = try resource(outcome, "AWS::IAM::ManagedPolicy", estate.policyArn)
        XCTAssertEqual(policy.properties["ManagedPolicyName"]?.stringValue, "app-read")
        XCTAssertEqual(policy.properties["Description"]?.stringValue, "reads the bucket")
        XCTAssertEqual(policy.properties["Roles"]?.value, ["app"])
        XCTAssertEqual(policy.properties["PolicyDocument"]?["Statement"]?[0]?["Action"]?.stringValue, "s3:GetObject")
        XCTAssertEqual(policy.relationships, [ResourceRelationship(.attachedTo, ResourceID(estate.roleArn))])
        XCTAssertFalse(outcome.resources.contains { $0.id.rawValue.hasPrefix("arn:aws:iam::aws:") }, "AWS-managed policies are not the account's configuration")

        let key = try resource(outcome, "AWS::KMS::Key", estate.keyArn)
        XCTAssertEqual(key.properties["EnableKeyRotation"]?.boolValue, true)
        XCTAssertEqual(key.properties["Enabled"]?.boolValue, true)
        XCTAssertEqual(key.properties["Description"]?.stringValue, "estate key")
        XCTAssertEqual(key.properties["KeyPolicy"]?["Version"]?.stringValue, "2012-10-17")
        XCTAssertEqual(key.tags, ["team": "data"])

        let trail = try resource(outcome, "AWS::CloudTrail::Trail", "arn:aws:cloudtrail:us-east-1:\(estate.account):trail/estate-trail")
        XCTAssertEqual(trail.properties["IsLogging"]?.boolValue, true)
        XCTAssertEqual(trail.properties["EnableLogFileValidation"]?.boolValue, true)
        XCTAssertEqual(trail.properties["IsMultiRegionTrail"]?.boolValue, true)
        XCTAssertEqual(trail.properties["S3BucketName"]?.stringValue, "estate-logs")

        let orders = try resource(outcome, "AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:\(estate.account):table/estate-orders")
        XCTAssertEqual(orders.properties["PointInTimeRecoverySpecification"]?.value, ["PointInTimeRecoveryEnabled": true])
        XCTAssertEqual(orders.properties["BillingMode"]?.stringValue, "PAY_PER_REQUEST")
        XCTAssertEqual(orders.properties["KeySchema"]?.value, [["AttributeName": "id", "KeyType": "HASH"]])
        XCTAssertEqual(orders.tags, ["env": "prod"])
        let audit = try resource(outcome, "AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:\(estate.account):table/estate-audit")
        XCTAssertEqual(audit.properties["PointInTimeRecoverySpecification"]?.value, ["PointInTimeRecoveryEnabled": false])

        let function = try resource(outcome, "AWS::Lambda::Function", "arn:aws:lambda:us-east-1:\(estate.account):function:estate-api")
        XCTAssertEqual(function.properties["Environment"]?.value, ["Variables": ["DB_PASSWORD": .string(SecretRedaction.marker), "STAGE": .string(SecretRedaction.marker)]])
        XCTAssertEqual(function.properties["Runtime"]?.stringValue, "python3.12")
        XCTAssertEqual(function.properties["Role"]?.stringValue, estate.roleArn)
        XCTAssertEqual(function.tags, ["env": "prod"])
        XCTAssertTrue(function.relationships.contains(ResourceRelationship(.references, ResourceID(estate.roleArn))))

        let topic = try resource(outcome, "AWS::SNS::Topic", estate.topicArn)
        XCTAssertEqual(topic.properties.value, [
            "TopicName": "estate-alerts", "DisplayName": "Alerts", "KmsMasterKeyId": .string(estate.keyID), "Tags": [["Key": "env", "Value": "prod"]],
        ])
        let queue = try resource(outcome, "AWS::SQS::Queue", "arn:aws:sqs:us-east-1:\(estate.account):estate-encrypted-jobs")
        XCTAssertEqual(queue.properties["KmsMasterKeyId"]?.stringValue, estate.keyID)
        XCTAssertEqual(queue.properties["VisibilityTimeout"]?.intValue, 45)
        XCTAssertEqual(queue.tags, ["env": "prod"])
        let logGroup = try resource(outcome, "AWS::Logs::LogGroup", "arn:aws:logs:us-east-1:\(estate.account):log-group:/estate/api")
        XCTAssertEqual(logGroup.properties.value, ["LogGroupName": "/estate/api", "RetentionInDays": 30, "Tags": [["Key": "env", "Value": "prod"]]])

        let database = try resource(outcome, "AWS::RDS::DBInstance", "arn:aws:rds:us-east-1:\(estate.account):db:estate-db")
        XCTAssertEqual(database.properties["StorageEncrypted"]?.boolValue, false)
        XCTAssertEqual(database.properties["PubliclyAccessible"]?.boolValue, true)
        XCTAssertEqual(database.properties["Engine"]?.stringValue, "postgres")
        XCTAssertEqual(database.properties["AllocatedStorage"]?.stringValue, "20")
        XCTAssertNil(database.properties["MasterUserPassword"])
        XCTAssertEqual(database.tags, ["env": "prod"])
    }

    /// With a page size of 2, moto answers three tables and three log groups in two pages each,
    /// so they only come back whole if every next-page token is followed.
    func testEveryPageIsFollowed() async throws {
        let (server, _) = try Self.moto.get()
        let outcome = try await collector(server, pageSize: 2).collect()
        func names(_ type: ResourceType) -> [String] { outcome.resources.filter { $0.type == type }.compactMap(\.name).sorted() }
        XCTAssertEqual(names("AWS::DynamoDB::Table"), ["estate-audit", "estate-orders", "estate-sessions"])
        XCTAssertEqual(names("AWS::Logs::LogGroup"), ["/estate/api", "/estate/audit", "/estate/jobs"])
    }

    /// Regional collectors run once per region, global ones (IAM, the S3 bucket list) once: two
    /// regions give each bucket and user once, and each region's own default VPC.
    func testSeveralRegionsReadGlobalTypesOnce() async throws {
        let (server, _) = try Self.moto.get()
        var collector = collector(server)
        collector.regions = ["us-east-1", "eu-west-1"]
        let outcome = try await collector.collect()
        XCTAssertEqual(outcome.completeness, .complete, "\(outcome.failedTypes)")
        XCTAssertEqual(Set(outcome.resources.map(\.id)).count, outcome.resources.count, "no resource twice")
        XCTAssertEqual(outcome.resources.filter { $0.type == "AWS::S3::Bucket" }.count, 3)
        XCTAssertEqual(outcome.resources.filter { $0.type == "AWS::IAM::User" }.count, 2)
        XCTAssertEqual(Set(outcome.resources.filter { $0.type == "AWS::EC2::VPC" }.compactMap(\.region)), ["us-east-1", "eu-west-1"])
        XCTAssertFalse(outcome.resources.contains { $0.type == "AWS::S3::Bucket" && $0.region != "us-east-1" }, "every seeded bucket is in us-east-1")
    }

    func testLambdaEnvironmentValuesAreKeptOnlyWhenAsked() async throws {
        let (server, estate) = try Self.moto.get()
        let outcome = try await collector(server, includeSecrets: true).collect()
        let function = try resource(outcome, "AWS::Lambda::Function", "arn:aws:lambda:us-east-1:\(estate.account):function:estate-api")
        XCTAssertEqual(function.properties["Environment"]?["Variables"]?["DB_PASSWORD"]?.stringValue, "hunter2-estate-secret")
    }

    /// KMS on a closed port and DynamoDB on a server that answers 500 past every retry: their
    /// types are failed with the reason, and every other type is still collected.
    func testFailingServicesMakeAPartialSnapshot() async throws {
        let (server, _) = try Self.moto.get()
        let failing = try TestServer.script("flaky_server.py", arguments: ["1000", "500"])
        defer { failing.stop() }
        let outcome = try await collector(server, environment: [
            "AWS_ENDPOINT_URL": server.url,
            "AWS_ENDPOINT_URL_KMS": "http://127.0.0.1:\(try LoopbackPort.free())",
            "AWS_ENDPOINT_URL_DYNAMODB": failing.url,
        ], timeout: .seconds(1)).collect()
        XCTAssertEqual(Set(outcome.failedTypes.keys), ["AWS::KMS::Key", "AWS::DynamoDB::Table"])
        XCTAssertTrue(outcome.failedTypes["AWS::KMS::Key"]?.contains("cannot reach") ?? false, outcome.failedTypes["AWS::KMS::Key"] ?? "")
        XCTAssertTrue(outcome.failedTypes["AWS::DynamoDB::Table"]?.hasPrefix("us-east-1: dynamodb: ServiceUnavailable (HTTP 500)") ?? false, outcome.failedTypes["AWS::DynamoDB::Table"] ?? "")
        guard case .partial = outcome.completeness else { return XCTFail("expected a partial snapshot") }
        XCTAssertFalse(outcome.resources.contains { $0.type == "AWS::KMS::Key" || $0.type == "AWS::DynamoDB::Table" })
        XCTAssertTrue(outcome.resources.contains { $0.type == "AWS::S3::Bucket" }, "the other services are still read")
    }
}
