import Foundation
import TenetDocument
import TenetTestServers
import XCTest

/// `tenet collect aws` and `tenet scan aws` against a real moto server with credentials from the
/// environment, and `tenet collect aws-config` on fixture files: exit codes, what is written, and
/// what is not.
final class CollectCommandTests: XCTestCase {
    /// One seeded moto for the class; the tests only read it.
    private static let moto: Result<TestServer, any Error> = Result {
        let server = try TestServer.moto()
        do {
            _ = try PythonScript.run("seed_estate.py", arguments: [server.url, "estate"])
            return server
        } catch {
            server.stop()
            throw error
        }
    }

    override class func tearDown() {
        if case .success(let server) = moto { server.stop() }
        super.tearDown()
    }

    private static let credentials = ["AWS_ACCESS_KEY_ID": "AKIDTESTING", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_PROFILE": "", "AWS_REGION": ""]
    private static let configFixtures = TenetProcess.packageRoot.appendingPathComponent("Tests/TenetAWSTests/Fixtures/aws-config")

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-collect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func lines(_ text: String) throws -> [Value] {
        try text.split(separator: "\n").map { try JSONLoader().load(SourceText(name: "inventory", bytes: Array($0.utf8))).root.value }
    }

    func testCollectAWSWritesACompleteInventoryWithoutSecrets() throws {
        let server = try Self.moto.get()
        let output = scratch.appendingPathComponent("live.jsonl").path
        let outcome = try TenetProcess.run(
            ["collect", "aws", "--region", "us-east-1", "--endpoint", server.url, "--output", output, "--captured-at", "2026-11-21T10:00:00Z"],
            environment: Self.credentials)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertEqual(outcome.standardOutput, "", "the inventory goes to the file")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertFalse(text.contains("hunter2-estate-secret"), "the Lambda environment value is redacted")
        XCTAssertFalse(text.contains("not-in-the-inventory"), "the RDS master password is never read")
        let inventory = try lines(text)
        XCTAssertEqual(inventory.first, [
            "schemaVersion": 1, "capturedAt": "2026-11-21T10:00:00Z", "collector": "aws",
            "source": ["aws": ["regions": ["us-east-1"], "account": "123456789012", "endpoint": .string(server.url)]], "complete": true,
        ])
        let types = Set(inventory.dropFirst().compactMap { $0["type"] }.compactMap { value -> String? in
            if case .string(let text) = value { return text }
            return nil
        })
        XCTAssertEqual(types, [
            "AWS::CloudTrail::Trail", "AWS::DynamoDB::Table", "AWS::EC2::Instance", "AWS::EC2::SecurityGroup", "AWS::EC2::Subnet", "AWS::EC2::VPC",
            "AWS::EC2::Volume", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::KMS::Key", "AWS::Lambda::Function",
            "AWS::Logs::LogGroup", "AWS::RDS::DBInstance", "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::SNS::Topic", "AWS::SQS::Queue",
        ])
        let plain = try XCTUnwrap(inventory.first { $0["id"] == "arn:aws:s3:::estate-plain" })
        XCTAssertEqual(plain["properties"], ["BucketName": "estate-plain"])
        XCTAssertTrue(outcome.standardError.contains("account 123456789012"), outcome.standardError)

        let again = try TenetProcess.run(
            ["collect", "aws", "--region", "us-east-1", "--endpoint", server.url, "--captured-at", "2026-11-21T10:00:00Z"], environment: Self.credentials)
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertEqual(again.standardOutput, text, "standard output by default, byte for byte the same snapshot")
    }

    func testAServiceThatKeepsFailingIsNamedAndExitsOne() throws {
        let server = try Self.moto.get()
        let failing = try TestServer.script("flaky_server.py", arguments: ["1000", "500"])
        defer { failing.stop() }
        let output = scratch.appendingPathComponent("partial.jsonl").path
        let outcome = try TenetProcess.run(
            ["collect", "aws", "--region", "us-east-1", "--output", output],
            environment: Self.credentials.merging(["AWS_ENDPOINT_URL": server.url, "AWS_ENDPOINT_URL_KMS": failing.url]) { $1 })
        XCTAssertEqual(outcome.status, 1, outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("error: AWS::KMS::Key could not be read: us-east-1: kms: ServiceUnavailable (HTTP 500)"), outcome.standardError)
        let inventory = try lines(try String(contentsOfFile: output, encoding: .utf8))
        XCTAssertEqual(inventory.first?["complete"], false)
        guard case .string(let reason)? = inventory.first?["failedTypes"]?["AWS::KMS::Key"] else { return XCTFail("no failed type in \(inventory.first ?? nil)") }
        XCTAssertTrue(reason.hasPrefix("us-east-1: kms: ServiceUnavailable"), reason)
        XCTAssertTrue(inventory.contains { $0["type"] == "AWS::S3::Bucket" }, "the rest is written")
    }

    func testAnUnreachableEndpointExitsTwoAndWritesNothing() throws {
        let output = scratch.appendingPathComponent("none.jsonl").path
        let outcome = try TenetProcess.run(
            ["collect", "aws", "--region", "us-east-1", "--endpoint", "http://127.0.0.1:\(try LoopbackPort.free())", "--request-timeout", "1", "--output", output],
            environment: Self.credentials)
        XCTAssertEqual(outcome.status, 2, outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("cannot reach http://127.0.0.1:"), outcome.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "no temporary file left behind")
    }

    func testCollectAWSConfigNormalizesEveryForm() throws {
        let files = ["snapshot.json", "history.json", "select.json"].map { Self.configFixtures.appendingPathComponent($0).path }
        let outcome = try TenetProcess.run(["collect", "aws-config"] + files + ["--captured-at", "2026-11-21T10:00:00Z"])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("warning: skipped 1 configuration item of AWS::Config::ResourceCompliance"), outcome.standardError)
        XCTAssertFalse(outcome.standardOutput.contains("sk_live_config_secret_4f9a"))
        let inventory = try lines(outcome.standardOutput)
        XCTAssertEqual(inventory.first?["collector"], "aws-config")
        XCTAssertEqual(inventory.first?["complete"], true)
        XCTAssertEqual(inventory.count - 1, 11, "2 buckets, 1 bucket policy, volume, group, user, managed policy, function, table, key, log group")
    }

    func testCollectAWSConfigRefusesWhatIsNotAConfigFile() throws {
        let template = scratch.appendingPathComponent("template.json")
        try Data("{\"Resources\": {\"Bucket\": {\"Type\": \"AWS::S3::Bucket\"}}}".utf8).write(to: template)
        let output = scratch.appendingPathComponent("config.jsonl").path
        let outcome = try TenetProcess.run(["collect", "aws-config", template.path, "--output", output])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.standardError.contains("\(template.path):1:1"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("not an AWS Config file"), outcome.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }

    func testAnExistingInventoryIsReplacedWhole() throws {
        let output = scratch.appendingPathComponent("config.jsonl").path
        let snapshot = Self.configFixtures.appendingPathComponent("snapshot.json").path
        let select = Self.configFixtures.appendingPathComponent("select.json").path
        XCTAssertEqual(try TenetProcess.run(["collect", "aws-config", snapshot, "--output", output]).status, 0)
        let second = try TenetProcess.run(["collect", "aws-config", select, "--output", output])
        XCTAssertEqual(second.status, 0, second.standardError)
        let inventory = try lines(try String(contentsOfFile: output, encoding: .utf8))
        XCTAssertEqual(inventory.count, 3, "the header and the two resources of select.json, nothing of the first file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), ["config.jsonl"], "no temporary file left behind")
    }

    func testABadCaptureTimeIsAUsageError() throws {
        let outcome = try TenetProcess.run(["collect", "aws-config", "x.json", "--captured-at", "yesterday"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.standardError.contains("--captured-at 'yesterday' is not an RFC 3339 time"), outcome.standardError)
    }

    /// One rule, two shapes: the bucket without default encryption is NON_COMPLIANT when declared
    /// in a template and when collected from moto.
    func testTheSameRuleJudgesTheTemplateAndTheLiveBucketAlike() throws {
        let server = try Self.moto.get()
        let rule = ["--pack", "encryption", "--rule-param", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED.requireExplicitEncryption=true", "--format", "json"]
        let inventory = scratch.appendingPathComponent("live.jsonl").path
        let collected = try TenetProcess.run(["collect", "aws", "--region", "us-east-1", "--endpoint", server.url, "--output", inventory], environment: Self.credentials)
        XCTAssertEqual(collected.status, 0, collected.standardError)
        let live = try TenetProcess.run(["scan", "--inventory", inventory] + rule)
        let template = scratch.appendingPathComponent("plain.yaml").path
        try Data("Resources:\n  EstatePlain:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: estate-plain\n".utf8).write(to: URL(fileURLWithPath: template))
        let declared = try TenetProcess.run(["check", template] + rule)

        func state(of resource: String, in report: String) throws -> String? {
            let evaluations = try JSONLoader().load(SourceText(name: "report", bytes: Array(report.utf8))).root["evaluations"]!.children
            return evaluations.first {
                $0["ruleId"]?.stringValue == "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED" && $0["resource"]?["id"]?.stringValue?.hasSuffix(resource) == true
            }?["state"]?.stringValue
        }
        XCTAssertEqual(try state(of: "arn:aws:s3:::estate-plain", in: live.standardOutput), "NON_COMPLIANT", live.standardOutput)
        XCTAssertEqual(try state(of: "arn:aws:s3:::estate-encrypted", in: live.standardOutput), "COMPLIANT")
        XCTAssertEqual(try state(of: "#EstatePlain", in: declared.standardOutput), "NON_COMPLIANT", declared.standardOutput)
        XCTAssertEqual(live.status, 1)
        XCTAssertEqual(declared.status, 1)
    }

    private static let liveRule = [
        "--pack", "encryption", "--rule-param", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED.requireExplicitEncryption=true", "--format", "json",
        "--now", "2026-11-21T10:00:00Z",
    ]

    /// (resource id, rule, state) of every verdict of a JSON report.
    private func verdicts(_ report: String) throws -> Set<String> {
        let evaluations = try JSONLoader().load(SourceText(name: "report", bytes: Array(report.utf8))).root["evaluations"]!.children
        return Set(evaluations.map { evaluation in
            [evaluation["resource"]!["id"]!.stringValue!, evaluation["ruleId"]!.stringValue!, evaluation["state"]!.stringValue!].joined(separator: " ")
        })
    }

    /// `scan aws` is `collect aws` then `scan --inventory`, without the file: the same verdicts.
    func testScanAWSCollectsAndScansInOneStep() throws {
        let server = try Self.moto.get()
        let live = try TenetProcess.run(["scan", "aws", "--region", "us-east-1", "--endpoint", server.url] + Self.liveRule, environment: Self.credentials)
        XCTAssertEqual(live.status, 1, live.standardError)
        XCTAssertTrue(live.standardError.contains("collected "), live.standardError)
        XCTAssertFalse(live.standardOutput.contains("hunter2-estate-secret"), "the Lambda environment value stays redacted")
        let scanned = try verdicts(live.standardOutput)
        XCTAssertTrue(scanned.contains("arn:aws:s3:::estate-plain S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED NON_COMPLIANT"), live.standardOutput)
        XCTAssertTrue(scanned.contains("arn:aws:s3:::estate-encrypted S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED COMPLIANT"), live.standardOutput)
        XCTAssertFalse(scanned.contains { $0.hasSuffix(" INSUFFICIENT_DATA") }, "every type was read")

        let inventory = scratch.appendingPathComponent("live.jsonl").path
        let collected = try TenetProcess.run(["collect", "aws", "--region", "us-east-1", "--endpoint", server.url, "--output", inventory], environment: Self.credentials)
        XCTAssertEqual(collected.status, 0, collected.standardError)
        let twoSteps = try TenetProcess.run(["scan", "--inventory", inventory] + Self.liveRule)
        XCTAssertEqual(twoSteps.status, live.status, twoSteps.standardError)
        XCTAssertEqual(try verdicts(twoSteps.standardOutput).map { $0.replacingOccurrences(of: inventory, with: "aws:123456789012:us-east-1") }.sorted(), scanned.sorted())
    }

    /// The live snapshot is named `aws:ACCOUNT:REGIONS` but is no file: no format gives it, its
    /// account or its resources a file, line or column, and SARIF names resources by ARN alone.
    /// The same snapshot read from an inventory file still points into the file.
    func testScanAWSReportsPointIntoNoFile() throws {
        let server = try Self.moto.get()
        let reports = ["sarif", "github", "junit", "csv"].flatMap { ["--report", "\($0)=\(scratch.appendingPathComponent("live.\($0)").path)"] }
        let live = try TenetProcess.run(
            ["scan", "aws", "--region", "us-east-1", "--endpoint", server.url, "--pack", "encryption", "--format", "text"] + reports,
            environment: Self.credentials)
        XCTAssertEqual(live.status, 1, live.standardError)
        func report(_ format: String) throws -> String {
            try String(contentsOf: scratch.appendingPathComponent("live.\(format)"), encoding: .utf8)
        }
        XCTAssertTrue(live.standardOutput.hasPrefix("== aws:123456789012:us-east-1 (collected live)\n"), live.standardOutput)
        XCTAssertFalse(live.standardOutput.contains("-->"), live.standardOutput)
        let annotations = try report("github").split(separator: "\n").filter { $0.hasPrefix("::") }
        XCTAssertFalse(annotations.isEmpty)
        XCTAssertFalse(annotations.contains { $0.contains("file=") }, "\(annotations)")
        XCTAssertFalse(try report("junit").contains(" file=\""))
        let rows = try report("csv").split(separator: "\r\n").dropFirst()
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(rows.allSatisfy { $0.hasPrefix(",,,aws:123456789012:us-east-1,") }, "\(rows)")

        let sarif = try JSONLoader().load(SourceText(name: "live.sarif", bytes: Array(try report("sarif").utf8))).root
        let results = try XCTUnwrap(sarif["runs"]?[0]?["results"]).children
        XCTAssertFalse(results.isEmpty)
        XCTAssertTrue(results.allSatisfy { $0["locations"]?[0]?["physicalLocation"] == nil }, "no result names a file")
        let resources = Set(results.compactMap { $0["locations"]?[0]?["logicalLocations"]?[0]?["fullyQualifiedName"]?.stringValue })
        XCTAssertTrue(resources.contains("arn:aws:s3:::estate-plain"), "\(resources)")

        let inventory = scratch.appendingPathComponent("live.jsonl").path
        let collected = try TenetProcess.run(["collect", "aws", "--region", "us-east-1", "--endpoint", server.url, "--output", inventory], environment: Self.credentials)
        XCTAssertEqual(collected.status, 0, collected.standardError)
        // Account-level rules (a trail, Security Hub) judge the file as a whole: their findings
        // point at its header line, where a live scan's point nowhere.
        let fromFile = try TenetProcess.run(["scan", "--inventory", inventory, "--pack", "all", "--format", "github"])
        XCTAssertTrue(fromFile.standardOutput.contains("::error file=\(inventory),line=1,col=1,"), fromFile.standardOutput)
    }

    /// A service that cannot be read leaves its types without data: reported, and failing the run
    /// only with --fail-on-insufficient-data.
    func testScanAWSReportsUnreadableTypesAsInsufficientData() throws {
        let server = try Self.moto.get()
        let failing = try TestServer.script("flaky_server.py", arguments: ["1000", "500"])
        defer { failing.stop() }
        let environment = Self.credentials.merging(["AWS_ENDPOINT_URL": server.url, "AWS_ENDPOINT_URL_KMS": failing.url]) { $1 }
        let arguments = ["scan", "aws", "--region", "us-east-1", "--request-timeout", "5"] + Self.liveRule + ["--fail-on", "critical"]
        let tolerated = try TenetProcess.run(arguments, environment: environment)
        XCTAssertEqual(tolerated.status, 0, tolerated.standardError)
        XCTAssertTrue(tolerated.standardError.contains("warning: AWS::KMS::Key could not be read, its rules report INSUFFICIENT_DATA"), tolerated.standardError)
        let insufficient = try verdicts(tolerated.standardOutput).filter { $0.hasSuffix(" INSUFFICIENT_DATA") }
        XCTAssertFalse(insufficient.isEmpty, tolerated.standardOutput)
        XCTAssertTrue(insufficient.allSatisfy { $0.hasPrefix("aws:123456789012:us-east-1#AWS::KMS::Key ") }, "\(insufficient)")
        XCTAssertTrue(try verdicts(tolerated.standardOutput).contains { $0.hasPrefix("arn:aws:s3:::estate-plain ") }, "the rest is scanned")

        let strict = try TenetProcess.run(arguments + ["--fail-on-insufficient-data"], environment: environment)
        XCTAssertEqual(strict.status, 1, strict.standardError)
    }

    func testScanAWSRecordsTheSnapshotInTheHistoryStore() throws {
        let server = try Self.moto.get()
        let store = scratch.appendingPathComponent("history.db").path
        let recorded = try TenetProcess.run(
            ["scan", "aws", "--region", "us-east-1", "--endpoint", server.url, "--record", "--store", store] + Self.liveRule, environment: Self.credentials)
        XCTAssertEqual(recorded.status, 1, recorded.standardError)
        XCTAssertTrue(recorded.standardError.contains("recorded aws:123456789012:us-east-1: "), recorded.standardError)
        let timeline = try TenetProcess.run(["history", "timeline", "arn:aws:s3:::estate-plain", "--store", store])
        XCTAssertEqual(timeline.status, 0, timeline.standardError)
        XCTAssertTrue(timeline.standardOutput.contains("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"), timeline.standardOutput)
        XCTAssertEqual(try TenetProcess.run(["history", "verify", "--store", store]).status, 0)
    }

    func testScanAWSWithoutAWSExitsTwoBeforeScanning() throws {
        let unreachable = try TenetProcess.run(
            ["scan", "aws", "--region", "us-east-1", "--endpoint", "http://127.0.0.1:\(try LoopbackPort.free())", "--request-timeout", "1"],
            environment: Self.credentials)
        XCTAssertEqual(unreachable.status, 2, unreachable.standardError)
        XCTAssertTrue(unreachable.standardError.contains("cannot reach http://127.0.0.1:"), unreachable.standardError)
        XCTAssertEqual(unreachable.standardOutput, "", "no report")
        let badPack = try TenetProcess.run(["scan", "aws", "--region", "us-east-1", "--pack", "nope"], environment: Self.credentials)
        XCTAssertEqual(badPack.status, 2)
        XCTAssertFalse(badPack.standardError.contains("collected"), "the rules are checked before collecting")
    }
}
