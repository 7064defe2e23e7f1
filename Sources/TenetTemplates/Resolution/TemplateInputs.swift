import TenetDocument

/// What the user tells the collector about a deployment the template alone does not decide:
/// parameter values and the pseudo parameters of the target account and region.
public struct TemplateInputs: Sendable {
    /// Parameter values by name, as given with `--parameters`. Lists are for `List<…>` and
    /// `CommaDelimitedList` parameters.
    public var parameterValues: [String: Value]
    public var region: String?
    public var account: String?

    public init(parameterValues: [String: Value] = [:], region: String? = nil, account: String? = nil) {
        self.parameterValues = parameterValues
        self.region = region
        self.account = account
    }

    /// `AWS::Partition` and `AWS::URLSuffix` follow from the region.
    func pseudoParameter(_ name: String) -> Value? {
        switch name {
        case "AWS::Region": return region.map(Value.string)
        case "AWS::AccountId": return account.map(Value.string)
        case "AWS::Partition":
            guard let region else { return nil }
            if region.hasPrefix("cn-") { return "aws-cn" }
            if region.hasPrefix("us-gov-") { return "aws-us-gov" }
            return "aws"
        case "AWS::URLSuffix":
            guard let region else { return nil }
            return region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        default: return nil
        }
    }
}
