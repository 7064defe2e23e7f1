import TenetDocument
import TenetXML

extension XMLElement {
    /// The element as a value a `DescribedResource` reads: leaves become strings, elements whose
    /// children all carry one list-item name become lists, everything else maps.
    ///
    /// The query dialects wrap list elements in `<item>` (EC2), `<member>` (IAM, SNS, STS) or a
    /// type's own name (RDS's `<DBInstance>`, `<Tag>`), so the caller names the ones it expects;
    /// a lone child with an ordinary name (`<Endpoint><Address>`) must stay a map.
    func describedValue(listItems: Set<String> = XMLElement.defaultListItems) -> Value {
        if children.isEmpty { return .string(text) }
        if let first = children.first?.name, listItems.contains(first), children.allSatisfy({ $0.name == first }) {
            return .list(children.map { $0.describedValue(listItems: listItems) })
        }
        return .map(children.map { Value.Entry($0.name, $0.describedValue(listItems: listItems)) })
    }

    static let defaultListItems: Set<String> = ["item", "member"]
}
