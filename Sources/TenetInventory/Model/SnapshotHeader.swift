import Foundation

/// What a snapshot is: when it was captured, by which collector, from where, and how complete it is.
public struct SnapshotHeader: Sendable, Equatable {
    /// The version of the on-disk format this header was written with.
    public static let currentSchemaVersion = 1

    public enum Collector: String, Sendable, CaseIterable {
        case template
        case aws
        case awsConfig = "aws-config"
    }

    public enum Source: Sendable, Equatable {
        case templates(paths: [String])
        case aws(account: String?, regions: [String], endpoint: String?)
        case awsConfig(files: [String])
    }

    /// Whether every resource type the collector covers was read.
    public enum Completeness: Sendable, Equatable {
        case complete
        /// These types could not be read (a service failed); their rules get INSUFFICIENT_DATA,
        /// and a history store deletes nothing of them.
        case partial(failedTypes: [ResourceType: String])
    }

    public var schemaVersion: Int
    public var capturedAt: Date
    public var collector: Collector
    public var source: Source
    public var completeness: Completeness

    public init(schemaVersion: Int = currentSchemaVersion, capturedAt: Date, collector: Collector, source: Source, completeness: Completeness) {
        self.schemaVersion = schemaVersion
        self.capturedAt = capturedAt
        self.collector = collector
        self.source = source
        self.completeness = completeness
    }
}
