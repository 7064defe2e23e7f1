/// Tags in the forms AWS APIs and AWS Config write them, read into one map.
enum ResourceTags {
    /// `[{Key, Value}]`, `[{key, value}]` or KMS's `[{TagKey, TagValue}]`.
    static func from(list elements: [DescribedResource]) -> [String: String] {
        var tags: [String: String] = [:]
        for element in elements {
            guard let key = element.string("Key", "TagKey") else { continue }
            tags[key] = element.string("Value", "TagValue") ?? ""
        }
        return tags
    }

    /// `{"key": "value"}`, as Lambda, SQS and CloudWatch Logs (and Config's `tags`) write them.
    static func from(map record: DescribedResource?) -> [String: String] {
        guard let record, case .map(let entries) = record.value else { return [:] }
        var tags: [String: String] = [:]
        for entry in entries {
            if case .string(let text) = entry.value { tags[entry.key] = text }
        }
        return tags
    }

    /// Whichever of the two forms `record` holds under `names`.
    static func from(_ record: DescribedResource, _ names: String...) -> [String: String] {
        for name in names {
            switch record.field(name) {
            case .list: return from(list: record.list(name))
            case .map: return from(map: record.record(name))
            default: continue
            }
        }
        return [:]
    }
}
