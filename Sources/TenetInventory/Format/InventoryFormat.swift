import Foundation
import TenetDocument

/// The on-disk inventory: JSON Lines. The first line is the snapshot header, every further line
/// one resource, so a million-resource inventory streams through a reader one line at a time.
///
/// ```
/// {"schemaVersion":1,"capturedAt":"2026-11-21T10:00:00Z","collector":"template","source":{"templates":["app.yaml"]},"complete":true}
/// {"type":"AWS::S3::Bucket","id":"app.yaml#Logs","tags":{},"properties":{…},"relationships":[],"configurationHash":"…","source":{"file":"app.yaml","line":12,"column":5}}
/// ```
/// Field names are stable; optional fields are left out rather than written as null. The
/// documented schema is `docs/inventory-format.md`.
enum InventoryFormat {
    static func headerValue(_ header: SnapshotHeader) -> Value {
        var entries: [Value.Entry] = [
            Value.Entry("schemaVersion", .int(Int64(header.schemaVersion))),
            Value.Entry("capturedAt", .string(timestamp(header.capturedAt))),
            Value.Entry("collector", .string(header.collector.rawValue)),
        ]
        switch header.source {
        case .templates(let paths):
            entries.append(Value.Entry("source", ["templates": .list(paths.map(Value.string))]))
        case .aws(let account, let regions, let endpoint):
            var source: [Value.Entry] = [Value.Entry("regions", .list(regions.map(Value.string)))]
            if let account { source.append(Value.Entry("account", .string(account))) }
            if let endpoint { source.append(Value.Entry("endpoint", .string(endpoint))) }
            entries.append(Value.Entry("source", ["aws": .map(source)]))
        case .awsConfig(let files):
            entries.append(Value.Entry("source", ["awsConfig": .list(files.map(Value.string))]))
        }
        switch header.completeness {
        case .complete:
            entries.append(Value.Entry("complete", true))
        case .partial(let failed):
            entries.append(Value.Entry("complete", false))
            entries.append(Value.Entry("failedTypes", .map(failed.sorted { $0.key < $1.key }.map { Value.Entry($0.key.rawValue, .string($0.value)) })))
        }
        return .map(entries)
    }

    static func resourceValue(_ resource: InventoryResource) -> Value {
        var entries: [Value.Entry] = [
            Value.Entry("type", .string(resource.type.rawValue)),
            Value.Entry("id", .string(resource.id.rawValue)),
        ]
        if let name = resource.name { entries.append(Value.Entry("name", .string(name))) }
        if let account = resource.account { entries.append(Value.Entry("account", .string(account))) }
        if let region = resource.region { entries.append(Value.Entry("region", .string(region))) }
        entries.append(Value.Entry("tags", .map(resource.tags.sorted { $0.key < $1.key }.map { Value.Entry($0.key, .string($0.value)) })))
        let properties = resource.properties.value
        entries.append(Value.Entry("properties", properties))
        entries.append(Value.Entry("relationships", .list(resource.relationships.map { ["kind": .string($0.kind.rawValue), "target": .string($0.target.rawValue)] })))
        entries.append(Value.Entry("configurationHash", .string(ConfigurationHash.of(properties: properties, tags: resource.tags))))
        if let source = resource.source {
            entries.append(Value.Entry("source", ["file": .string(source.file), "line": .int(Int64(source.line)), "column": .int(Int64(source.column))]))
        }
        if !resource.unresolved.isEmpty {
            entries.append(Value.Entry("unresolved", .map(resource.unresolved.map { Value.Entry($0.path.description, .string($0.dependsOn)) })))
        }
        return .map(entries)
    }

    static func timestamp(_ date: Date) -> String {
        RFC3339.string(date)
    }

    static func date(_ text: String) -> Date? {
        RFC3339.date(text)
    }
}
