/// What a normalizer needs besides the describe answer: where the resource lives, and whether
/// secrets may be kept.
public struct ResourceScope: Sendable {
    public var account: String
    /// nil for global resources (IAM).
    public var region: String?
    /// `--include-secrets`: keep Lambda environment values and the like instead of the marker.
    public var includeSecrets: Bool

    public init(account: String, region: String?, includeSecrets: Bool = false) {
        self.account = account
        self.region = region
        self.includeSecrets = includeSecrets
    }

    /// `arn:aws:ec2:<region>:<account>:<resource>`, for EC2 resources, whose answers carry no ARN.
    func ec2ARN(_ resource: String) -> String {
        "arn:aws:ec2:\(region ?? ""):\(account):\(resource)"
    }
}
