import Foundation
import TenetDocument
import TenetGuard

/// `tenet-benchmark guard [RULES_DIR] [TEMPLATES] [RESOURCES]`: every registry rule against a
/// generated corpus of CloudFormation templates (200 × 50 resources by default), in parallel.
///
/// The corpus mixes the resource types the registry checks most, each resource compliant or not
/// by a fixed pseudo-random choice, so every run evaluates the same work. Templates are written
/// as JSON text and loaded by the real loader, so nodes carry locations as in production.
enum GuardBenchmark {
    static let description = "all Guard registry rules × generated templates (default 200 × 50 resources)"

    static func run(_ arguments: [String]) throws {
        let rulesDirectory = arguments.first ?? "../shared/conformance/guard-registry/rules"
        let templateCount = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
        let resourceCount = arguments.count > 2 ? Int(arguments[2]) ?? 50 : 50

        let parseStart = Date()
        var rulesFiles: [RulesFile] = []
        for path in RulesFileLoader.ruleFiles(at: rulesDirectory) {
            let file = try RulesFileLoader().load(contentsOf: path)
            if !file.isEmpty { rulesFiles.append(file) }
        }
        let parseSeconds = Date().timeIntervalSince(parseStart)
        let ruleCount = rulesFiles.reduce(0) { $0 + $1.rules.count }
        guard ruleCount > 0 else {
            print("no rules found under \(rulesDirectory)")
            return
        }

        let loadStart = Date()
        var generator = CorpusGenerator(seed: 42)
        var templates: [Document] = []
        for index in 0..<templateCount {
            let text = JSONWriter(style: .compact).string(for: Document(value: generator.template(resources: resourceCount)).root)
            templates.append(try DocumentLoader().load(SourceText(name: "template-\(index).json", bytes: Array(text.utf8)), as: .json))
        }
        let loadSeconds = Date().timeIntervalSince(loadStart)

        let tally = StatusTally()
        let evaluateStart = Date()
        let evaluateCPUStart = cpuSeconds()
        let files = rulesFiles
        let documents = templates
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            var counts = [GuardStatus: Int]()
            var errors = 0
            let evaluator = GuardEvaluator()
            for file in files {
                guard let result = try? evaluator.evaluate(file, document: documents[index]) else {
                    errors += 1
                    continue
                }
                for rule in result.rules { counts[rule.status, default: 0] += 1 }
            }
            tally.add(counts, errors: errors)
        }
        let evaluateSeconds = Date().timeIntervalSince(evaluateStart)
        let evaluateCPUSeconds = cpuSeconds() - evaluateCPUStart
        let evaluations = Double(ruleCount * templateCount)

        print("rules: \(rulesFiles.count) files, \(ruleCount) rules (parsed in \(format(parseSeconds)) s)")
        print("corpus: \(templateCount) templates × \(resourceCount) resources (generated and loaded in \(format(loadSeconds)) s)")
        print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")
        print("statuses: \(tally.summary)")
        print("evaluation wall time: \(format(evaluateSeconds)) s")
        print("evaluation CPU time: \(format(evaluateCPUSeconds)) s")
        print("templates/s: \(Int(Double(templateCount) / evaluateSeconds))")
        print("rule evaluations/s: \(Int(evaluations / evaluateSeconds))")
        print("peak RSS: \(peakResidentMegabytes()) MB")
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// User and system time of the process: on a machine shared with other builds, the wall time
    /// also counts waiting for a core.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
    }

    private static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}

/// Rule statuses counted across worker threads.
private final class StatusTally: @unchecked Sendable {
    private var counts: [GuardStatus: Int] = [:]
    private var errors = 0
    private let lock = NSLock()

    func add(_ more: [GuardStatus: Int], errors moreErrors: Int) {
        lock.lock()
        counts.merge(more, uniquingKeysWith: +)
        errors += moreErrors
        lock.unlock()
    }

    var summary: String {
        lock.lock()
        defer { lock.unlock() }
        let statuses = [GuardStatus.pass, .fail, .skip].map { "\($0) \(counts[$0, default: 0])" }
        return (statuses + ["evaluation errors \(errors)"]).joined(separator: ", ")
    }
}

/// Deterministic CloudFormation-shaped templates.
private struct CorpusGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    private mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

    mutating func template(resources: Int) -> Value {
        var entries: [Value.Entry] = []
        for index in 0..<resources {
            entries.append(Value.Entry("Resource\(index)", resource(kind: Int(next() % 11))))
        }
        return .map([
            Value.Entry("AWSTemplateFormatVersion", "2010-09-09"),
            Value.Entry("Parameters", .map([Value.Entry("Password", .map([Value.Entry("Type", "String"), Value.Entry("NoEcho", true)]))])),
            Value.Entry("Resources", .map(entries)),
        ])
    }

    private mutating func resource(kind: Int) -> Value {
        let good = chance(60)
        let (type, properties): (String, [Value.Entry])
        switch kind {
        case 0:
            type = "AWS::S3::Bucket"
            var entries: [Value.Entry] = [Value.Entry("BucketName", .string("bucket-\(next() % 1000)"))]
            if good {
                entries.append(Value.Entry("BucketEncryption", ["ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms"]]]]))
                entries.append(Value.Entry("VersioningConfiguration", ["Status": "Enabled"]))
                entries.append(Value.Entry("PublicAccessBlockConfiguration", [
                    "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
                ]))
                entries.append(Value.Entry("LoggingConfiguration", ["DestinationBucketName": "logs"]))
            } else {
                entries.append(Value.Entry("AccessControl", "PublicRead"))
            }
            properties = entries
        case 1:
            type = "AWS::EC2::Volume"
            properties = [Value.Entry("Encrypted", .bool(good)), Value.Entry("Size", .int(Int64(next() % 500))), Value.Entry("AvailabilityZone", "us-east-1a")]
        case 2:
            type = "AWS::RDS::DBInstance"
            properties = [
                Value.Entry("StorageEncrypted", .bool(good)), Value.Entry("PubliclyAccessible", .bool(!good)),
                Value.Entry("MultiAZ", .bool(good)), Value.Entry("BackupRetentionPeriod", .int(good ? 7 : 0)),
                Value.Entry("DeletionProtection", .bool(good)), Value.Entry("Engine", "mysql"),
                Value.Entry("MasterUserPassword", good ? ["Ref": "Password"] : "plaintext-password"),
            ]
        case 3:
            type = "AWS::EC2::SecurityGroup"
            let cidr: Value = good ? "10.0.0.0/16" : "0.0.0.0/0"
            properties = [
                Value.Entry("GroupDescription", "web"),
                Value.Entry("SecurityGroupIngress", [["IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": cidr]]),
            ]
        case 4:
            type = "AWS::IAM::Role"
            let action: Value = good ? "s3:GetObject" : "*"
            properties = [
                Value.Entry("AssumeRolePolicyDocument", ["Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]]]),
                Value.Entry("Policies", [["PolicyName": "p", "PolicyDocument": ["Statement": [["Effect": "Allow", "Action": action, "Resource": "*"]]]]]),
            ]
        case 5:
            type = "AWS::DynamoDB::Table"
            properties = [
                Value.Entry("PointInTimeRecoverySpecification", ["PointInTimeRecoveryEnabled": .bool(good)]),
                Value.Entry("SSESpecification", ["SSEEnabled": .bool(good)]),
                Value.Entry("BillingMode", "PAY_PER_REQUEST"),
            ]
        case 6:
            type = "AWS::Lambda::Function"
            var entries: [Value.Entry] = [Value.Entry("Runtime", good ? "python3.12" : "python2.7"), Value.Entry("Handler", "index.handler")]
            if good {
                entries.append(Value.Entry("VpcConfig", ["SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"]]))
                entries.append(Value.Entry("ReservedConcurrentExecutions", 10))
            }
            properties = entries
        case 7:
            type = "AWS::KMS::Key"
            properties = [Value.Entry("EnableKeyRotation", .bool(good)), Value.Entry("KeyPolicy", ["Statement": []])]
        case 8:
            type = "AWS::SNS::Topic"
            properties = good ? [Value.Entry("KmsMasterKeyId", "alias/aws/sns")] : [Value.Entry("TopicName", "t")]
        case 9:
            type = "AWS::SQS::Queue"
            properties = good ? [Value.Entry("KmsMasterKeyId", "alias/aws/sqs")] : [Value.Entry("SqsManagedSseEnabled", false)]
        default:
            type = "AWS::CloudTrail::Trail"
            properties = [
                Value.Entry("IsLogging", true), Value.Entry("EnableLogFileValidation", .bool(good)),
                Value.Entry("IsMultiRegionTrail", .bool(good)), Value.Entry("S3BucketName", "trail-logs"),
            ] + (good ? [Value.Entry("KMSKeyId", "alias/trail")] : [])
        }
        var entries = [Value.Entry("Type", .string(type)), Value.Entry("Properties", .map(properties))]
        if chance(5) {
            entries.append(Value.Entry("Metadata", ["guard": ["SuppressedRules": ["S3_BUCKET_LOGGING_ENABLED"]]]))
        }
        return .map(entries)
    }
}
