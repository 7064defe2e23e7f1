import TenetInventory

/// Which resources a central suppression names. A text with the `Vendor::Service::Resource` shape
/// (wildcards allowed: `AWS::S3::*`) selects by type; anything else selects by id, exactly or by
/// pattern (`templates/*#LogBucket`, `arn:aws:s3:::logs-*`), and `AWS::::Account` selects the
/// account-level findings of every document. Ids cannot be mistaken for types: template ids
/// contain `#` and `/`, ARNs single colons.
enum ResourceSelector: Hashable, Sendable {
    case type(Glob)
    case id(Glob)

    init(_ text: String) {
        let parts = text.components(separatedBy: "::")
        let isType = text == ResourceType.account.rawValue || parts.count >= 3 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "*" || $0 == "?" }
        }
        self = isType ? .type(Glob(text)) : .id(Glob(text))
    }

    func matches(_ resource: ScannedResource) -> Bool {
        switch self {
        case .type(let pattern): pattern.matches(resource.type.rawValue)
        case .id(let pattern): pattern.matches(resource.id.rawValue)
        }
    }
}
