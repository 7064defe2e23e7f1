/// CloudFormation's short-form intrinsic tags (`!Ref`, `!Sub`, …) and the long form they stand for.
///
/// CloudFormation itself expands `!Name value` to `{"Fn::Name": value}`, except `!Ref` and
/// `!Condition`, whose long forms carry no prefix, and `!GetAtt a.b.c`, whose string form is split
/// at the first dot into `["a", "b.c"]`.
struct IntrinsicTag {
    let longName: String

    /// Whether CloudFormation documents this tag; other tags are kept the same way, with a warning.
    let isKnown: Bool
    let isGetAtt: Bool

    /// `tag` is the tag as libyaml reports it: `!Ref`, `!Rain::Embed`.
    init?(_ tag: String) {
        guard tag.hasPrefix("!"), tag.count > 1 else { return nil }
        let name = String(tag.dropFirst())
        if Self.unprefixed.contains(name) {
            longName = name
        } else {
            longName = "Fn::" + name
        }
        isKnown = Self.unprefixed.contains(name) || Self.documented.contains(name)
        isGetAtt = name == "GetAtt"
    }

    private static let unprefixed: Set<String> = ["Ref", "Condition"]
    private static let documented: Set<String> = [
        "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not", "FindInMap", "Base64",
        "Cidr", "ImportValue", "GetAZs", "Transform", "Length", "ToJsonString", "ForEach",
    ]
}
