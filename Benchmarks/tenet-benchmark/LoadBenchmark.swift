import Foundation
import TenetDocument

/// `tenet-benchmark load [RESOURCES] [RUNS]`: Tenet's full load of a generated YAML template beside
/// a bare libyaml event scan of the same bytes, and the JSON loader on the same data as JSON.
///
/// The scan is the floor no libyaml-based loader can beat, so the ratio between the two says how
/// much the document model costs on top of parsing; the target is a load at least half as fast.
enum LoadBenchmark {
    static let description = "YAML and JSON load vs a bare libyaml event scan (default 20,000 resources, best of 5)"

    static func run(_ arguments: [String]) throws {
        let resourceCount = arguments.first.flatMap { Int($0) } ?? 20_000
        let runs = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5

        let directory = FileManager.default.temporaryDirectory.appending(path: "tenet-load-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let yamlPath = directory.appending(path: "template.yaml").path
        let yaml = Array(TemplateText.yaml(resources: resourceCount).utf8)
        try Data(yaml).write(to: URL(fileURLWithPath: yamlPath))
        let loader = DocumentLoader()
        let document = try loader.load(contentsOf: yamlPath)
        let jsonPath = directory.appending(path: "template.json").path
        try Data(JSONWriter(style: .pretty).string(for: document.root).utf8).write(to: URL(fileURLWithPath: jsonPath))
        let jsonBytes = try FileManager.default.attributesOfItem(atPath: jsonPath)[.size] as? Int ?? 0

        let events = YAMLEventScan.countEvents(in: yaml) ?? 0
        print("template: \(resourceCount) resources, \(megabytes(yaml.count)) MB of YAML (\(events) events, \(document.nodeCount) nodes), \(megabytes(jsonBytes)) MB as JSON")

        // The scan is given the bytes in memory; the loads read the file, as `tenet` does.
        let scan = bestSeconds(runs) { _ = YAMLEventScan.countEvents(in: yaml) }
        let yamlLoad = try bestSeconds(runs) { _ = try loader.load(contentsOf: yamlPath) }
        let jsonLoad = try bestSeconds(runs) { _ = try loader.load(contentsOf: jsonPath) }

        print("bare libyaml event scan: \(rate(yaml.count, scan)) MB/s")
        print("Tenet YAML load:         \(rate(yaml.count, yamlLoad)) MB/s  (\(String(format: "%.2f", scan / yamlLoad)) × the scan; target ≥ 0.5)")
        print("Tenet JSON load:         \(rate(jsonBytes, jsonLoad)) MB/s")
        print("best of \(runs) runs; peak RSS \(peakResidentMegabytes()) MB")
    }

    static func bestSeconds(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(runs, 1) {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

    private static func rate(_ bytes: Int, _ seconds: Double) -> String { String(format: "%.1f", Double(bytes) / 1e6 / seconds) }

    static func peakResidentMegabytes() -> String {
        var usage = rusage()
        // Linux reports kilobytes, Darwin bytes.
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return String(format: "%.0f", Double(usage.ru_maxrss) / 1024)
        #else
        getrusage(RUSAGE_SELF, &usage)
        return String(format: "%.0f", Double(usage.ru_maxrss) / 1_048_576)
        #endif
    }
}

/// A large CloudFormation template in the style people write: short-form tags, mixed resource
/// types, policies, tags and parameters, about 600 bytes of YAML per resource.
enum TemplateText {
    static func yaml(resources: Int) -> String {
        var text = """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: Generated load benchmark template
            Parameters:
              Environment:
                Type: String
                AllowedValues: [dev, staging, prod]
                Default: dev
              RetentionDays:
                Type: Number
                Default: 30
            Conditions:
              IsProduction: !Equals [!Ref Environment, prod]
            Resources:

            """
        text.reserveCapacity(resources * 640)
        for index in 0..<resources {
            text += resource(index)
        }
        text += "Outputs:\n  FirstBucket:\n    Value: !GetAtt Bucket0.Arn\n    Export:\n      Name: !Sub '${AWS::StackName}-bucket'\n"
        return text
    }

    private static func resource(_ index: Int) -> String {
        switch index % 5 {
        case 0:
            return """
                  Bucket\(index):
                    Type: AWS::S3::Bucket
                    DeletionPolicy: Retain
                    Properties:
                      BucketName: !Sub '${AWS::StackName}-logs-\(index)-${AWS::Region}'
                      VersioningConfiguration:
                        Status: Enabled
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault:
                              SSEAlgorithm: aws:kms
                              KMSMasterKeyID: !GetAtt Key\(index).Arn
                            BucketKeyEnabled: true
                      PublicAccessBlockConfiguration:
                        BlockPublicAcls: true
                        BlockPublicPolicy: yes
                        IgnorePublicAcls: true
                        RestrictPublicBuckets: true
                      Tags:
                        - Key: team
                          Value: platform
                        - Key: cost-center
                          Value: "\(1000 + index % 97)"

                """
        case 1:
            return """
                  Function\(index):
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      MemorySize: \(128 << (index % 4))
                      Timeout: 30
                      Role: !GetAtt Role\(index).Arn
                      Environment:
                        Variables:
                          TABLE: !Ref Table\(index)
                          STAGE: !If [IsProduction, prod, !Ref Environment]
                          RATIO: 0.25
                      TracingConfig:
                        Mode: Active
                      Code:
                        ZipFile: |
                          def handler(event, context):
                              return {"status": 200, "body": "ok"}

                """
        case 2:
            return """
                  Role\(index):
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Principal: {Service: [lambda.amazonaws.com]}
                            Action: sts:AssumeRole
                      Policies:
                        - PolicyName: !Join ['-', [access, !Ref Environment, "\(index)"]]
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]
                                Resource: !GetAtt Table\(index).Arn

                """
        case 3:
            return """
                  SecurityGroup\(index):
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: Web tier \(index)
                      VpcId: !ImportValue shared-vpc-id
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: 443
                          ToPort: 443
                          CidrIp: 10.\(index % 256).0.0/16
                        - IpProtocol: tcp
                          FromPort: 80
                          ToPort: 80
                          CidrIp: !Select [0, !Cidr [10.0.0.0/16, 4, 8]]

                """
        default:
            return """
                  Table\(index):
                    Type: AWS::DynamoDB::Table
                    Condition: IsProduction
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions:
                        - {AttributeName: pk, AttributeType: S}
                        - {AttributeName: sk, AttributeType: S}
                      KeySchema:
                        - {AttributeName: pk, KeyType: HASH}
                        - {AttributeName: sk, KeyType: RANGE}
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: !Equals [!Ref Environment, prod]
                      SSESpecification:
                        SSEEnabled: true

                """
        }
    }
}
