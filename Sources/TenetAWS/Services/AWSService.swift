/// An AWS API: how it is signed, where it answers, and which wire protocol it speaks.
public struct AWSService: Sendable, Hashable {
    public enum WireProtocol: Sendable, Hashable {
        /// EC2's own query dialect: form POST, XML answers with `<item>` lists.
        case ec2Query(version: String)
        /// Form POST, XML answers with `<member>` lists (IAM, RDS, SNS, STS, SQS's old form).
        case query(version: String)
        /// REST paths, XML answers (S3).
        case restXML
        /// POST `/` with `X-Amz-Target: <prefix>.<Operation>` and a JSON body.
        case json(version: String, targetPrefix: String)
        /// REST paths, JSON answers (Lambda).
        case restJSON
    }

    /// The SigV4 signing name, which moto also uses to route a request.
    public let signingName: String
    /// The host prefix: `ec2` in `ec2.eu-west-1.amazonaws.com`.
    public let endpointPrefix: String
    public let wireProtocol: WireProtocol
    /// Global services sign for one region whatever region is being collected.
    public let globalRegion: String?
    /// The suffix of `AWS_ENDPOINT_URL_<ID>`, the SDKs' per-service endpoint override.
    public let environmentID: String

    public static let ec2 = AWSService(signingName: "ec2", endpointPrefix: "ec2", wireProtocol: .ec2Query(version: "2016-11-15"), globalRegion: nil, environmentID: "EC2")
    public static let s3 = AWSService(signingName: "s3", endpointPrefix: "s3", wireProtocol: .restXML, globalRegion: nil, environmentID: "S3")
    public static let iam = AWSService(signingName: "iam", endpointPrefix: "iam", wireProtocol: .query(version: "2010-05-08"), globalRegion: "us-east-1", environmentID: "IAM")
    public static let sts = AWSService(signingName: "sts", endpointPrefix: "sts", wireProtocol: .query(version: "2011-06-15"), globalRegion: nil, environmentID: "STS")
    public static let rds = AWSService(signingName: "rds", endpointPrefix: "rds", wireProtocol: .query(version: "2014-10-31"), globalRegion: nil, environmentID: "RDS")
    public static let sns = AWSService(signingName: "sns", endpointPrefix: "sns", wireProtocol: .query(version: "2010-03-31"), globalRegion: nil, environmentID: "SNS")
    public static let sqs = AWSService(signingName: "sqs", endpointPrefix: "sqs", wireProtocol: .json(version: "1.0", targetPrefix: "AmazonSQS"), globalRegion: nil, environmentID: "SQS")
    public static let kms = AWSService(signingName: "kms", endpointPrefix: "kms", wireProtocol: .json(version: "1.1", targetPrefix: "TrentService"), globalRegion: nil, environmentID: "KMS")
    public static let dynamoDB = AWSService(signingName: "dynamodb", endpointPrefix: "dynamodb", wireProtocol: .json(version: "1.0", targetPrefix: "DynamoDB_20120810"), globalRegion: nil, environmentID: "DYNAMODB")
    public static let cloudTrail = AWSService(signingName: "cloudtrail", endpointPrefix: "cloudtrail", wireProtocol: .json(version: "1.1", targetPrefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"), globalRegion: nil, environmentID: "CLOUDTRAIL")
    public static let cloudWatchLogs = AWSService(signingName: "logs", endpointPrefix: "logs", wireProtocol: .json(version: "1.1", targetPrefix: "Logs_20140328"), globalRegion: nil, environmentID: "CLOUDWATCH_LOGS")
    public static let lambda = AWSService(signingName: "lambda", endpointPrefix: "lambda", wireProtocol: .restJSON, globalRegion: nil, environmentID: "LAMBDA")

    /// The region a request for `region` is signed for.
    public func signingRegion(for region: String) -> String { globalRegion ?? region }
}
