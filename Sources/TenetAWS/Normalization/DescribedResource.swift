import TenetDocument

/// A resource as a service describes it: a describe-API answer (JSON, or XML turned into a value),
/// or the `configuration` of an AWS Config configuration item.
///
/// The same field arrives as `VolumeId` from a JSON API and as `volumeId` from EC2's XML or from
/// AWS Config, and EC2's XML names some lists apart from the API model (`attachmentSet` for
/// `Attachments`). So lookups ignore case and take alternative names, and scalar accessors accept
/// both XML's strings and JSON's typed values — which lets one normalizer serve the live
/// collector and the Config import alike.
public struct DescribedResource: Sendable {
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// The first of `names` present, compared without case; JSON `null` counts as absent.
    public func field(_ names: String...) -> Value? {
        field(names)
    }

    func field(_ names: [String]) -> Value? {
        guard case .map(let entries) = value else { return nil }
        for name in names {
            let wanted = name.lowercased()
            if let entry = entries.first(where: { $0.key.lowercased() == wanted }) {
                if case .null = entry.value { continue }
                return entry.value
            }
        }
        return nil
    }

    /// A non-empty string; XML's empty elements mean "not set", as an absent field does.
    public func string(_ names: String...) -> String? {
        switch field(names) {
        case .string(let text): return text.isEmpty ? nil : text
        case .int(let number): return String(number)
        case .float(let number): return String(number)
        case .bool(let flag): return String(flag)
        default: return nil
        }
    }

    public func bool(_ names: String...) -> Bool? {
        switch field(names) {
        case .bool(let flag): return flag
        case .string(let text): return text.lowercased() == "true" ? true : text.lowercased() == "false" ? false : nil
        default: return nil
        }
    }

    public func int(_ names: String...) -> Int64? {
        switch field(names) {
        case .int(let number): return number
        case .float(let number): return number.rounded() == number ? Int64(number) : nil
        case .string(let text): return Int64(text)
        default: return nil
        }
    }

    /// A nested structure.
    public func record(_ names: String...) -> DescribedResource? {
        guard let value = field(names), case .map = value else { return nil }
        return DescribedResource(value)
    }

    /// The elements of a list; an empty XML element or an absent field is an empty list.
    public func list(_ names: String...) -> [DescribedResource] {
        guard case .list(let elements) = field(names) else { return [] }
        return elements.map(DescribedResource.init)
    }

    /// A list of strings (`GroupList`, `Architectures`, `SubnetIds`).
    public func strings(_ names: String...) -> [String] {
        guard case .list(let elements) = field(names) else { return [] }
        return elements.compactMap { element in
            guard case .string(let text) = element, !text.isEmpty else { return nil }
            return text
        }
    }

    /// This record's own value as a string (for list elements that are plain strings).
    public var text: String? {
        if case .string(let text) = value, !text.isEmpty { return text }
        return nil
    }
}

extension DescribedResource {
    /// The elements when this value is itself a list (an empty XML set reads as none).
    public var elements: [DescribedResource] {
        guard case .list(let elements) = value else { return [] }
        return elements.map(DescribedResource.init)
    }
}
