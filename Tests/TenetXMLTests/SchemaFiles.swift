import Foundation

/// The shared JUnit schemas, found beside the checkout (`../shared/schemas`) from this file's path.
enum SchemaFiles {
    static let directory = URL(filePath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "shared/schemas")
    static let junit = directory.appending(path: "junit-10.xsd")
    static let junitWithLocations = directory.appending(path: "junit-10-with-locations.xsd")
}
