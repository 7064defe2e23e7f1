import Foundation

/// Files the report tests read, found from this file's path so tests run from any directory.
enum TestPaths {
    static let testsDirectory = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsDirectory.appending(path: "Fixtures")
    static let golden = testsDirectory.appending(path: "Golden")
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repository.appending(path: "reports/samples")
    static let reportSchema = repository.appending(path: "reports/tenet-report.schema.json")
    /// `../shared/schemas` beside the checkout.
    static let sharedSchemas = repository.resolvingSymlinksInPath().deletingLastPathComponent().appending(path: "shared/schemas")
    static let sarifSchema = sharedSchemas.appending(path: "sarif-schema-2.1.0.json")
    static let junitSchema = sharedSchemas.appending(path: "junit-10.xsd")
    static let junitWithLocationsSchema = sharedSchemas.appending(path: "junit-10-with-locations.xsd")
}
