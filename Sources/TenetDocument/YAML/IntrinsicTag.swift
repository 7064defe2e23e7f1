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
        if let known = Self.known[tag] {
            self = known
            return
        }
        guard tag.hasPrefix("!"), tag.count > 1 else { return nil }
        self.init(name: String(tag.dropFirst()), isKnown: false)
    }

    private init(name: String, isKnown: Bool) {
        longName = Self.unprefixed.contains(name) ? name : "Fn::" + name
        self.isKnown = isKnown
        isGetAtt = name == "GetAtt"
    }

    private static let unprefixed: Set<String> = ["Ref", "Condition"]
    private static let documented = [
        "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not", "FindInMap", "Base64",
        "Cidr", "ImportValue", "GetAZs", "Transform", "Length", "ToJsonString", "ForEach",
    ]

    /// The tags CloudFormation documents, by tag as written, worked out once: tagged values are
    /// common in templates, and building the long name per value showed in profiles.
    private static let known: [String: IntrinsicTag] = Dictionary(
        uniqueKeysWithValues: (unprefixed.sorted() + documented).map { ("!" + $0, IntrinsicTag(name: $0, isKnown: true)) })
}
