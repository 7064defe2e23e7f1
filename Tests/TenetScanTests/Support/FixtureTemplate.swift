import Foundation
import TenetDocument
import TenetInventory
import TenetRules
import TenetScan

/// The test fixtures directory, found from this file so tests run from any working directory.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

func fixturePath(_ relativePath: String) -> String {
    fixturesDirectory.appendingPathComponent(relativePath).path
}

/// The fixed clock of every test: suppressions expiring in 2026-01 have expired, later ones not.
let testClock = ISO8601DateFormatter().date(from: "2026-06-15T09:00:00Z")!

/// A fixture template loaded as the scan engine loads one, with the verdicts a test needs built
/// from its real resources: ids `<path>#<LogicalId>`, types and declaration lines from the file.
struct FixtureTemplate {
    /// The path the scan gives the template, which its resource ids start with.
    let path: String
    let document: Document

    /// Loads `Fixtures/<file>` under the name `path` (by default the file's own relative path), so
    /// an edited copy of a template can stand for the original.
    init(_ file: String, as path: String? = nil) throws {
        let bytes = try DocumentLoader().readSource(fixturePath(file)).bytes
        self.path = path ?? file
        document = try DocumentLoader().load(SourceText(name: self.path, bytes: bytes))
    }

    func resource(_ logicalID: String) -> ScannedResource {
        let node = document.root["Resources"]![logicalID]!
        return ScannedResource(
            id: .template(path: path, logicalID: logicalID), type: ResourceType(node["Type"]!.stringValue!), document: path,
            location: FileLocation(file: path, position: node.keyLocation!))
    }

    /// A NON_COMPLIANT verdict with one failing check per path (relative to the resource), each
    /// located at its node when present, at the resource when missing.
    func finding(_ rule: String, _ logicalID: String, paths: [String] = ["/Properties"]) -> Evaluation {
        let resource = resource(logicalID)
        let resourceNode = document.root["Resources"]![logicalID]!
        let checks = paths.map { path in
            let pointer = JSONPointer(parsing: path)!
            return FailingCheck(
                propertyPath: pointer, found: nil, expected: nil, message: nil, reason: "\(path) is not as the rule requires",
                location: resourceNode.at(pointer)?.fileLocation ?? resource.location)
        }
        return Evaluation(ruleID: rule, resource: resource, state: .nonCompliant, checks: checks)
    }

    func compliant(_ rule: String, _ logicalID: String) -> Evaluation {
        Evaluation(ruleID: rule, resource: resource(logicalID), state: .compliant)
    }
}

/// A scan result over `evaluations`, with a medium-severity descriptor for each rule they name.
func scanResult(_ evaluations: [Evaluation], at clock: Date = testClock) -> ScanResult {
    let ruleIDs = Set(evaluations.map(\.ruleID)).sorted()
    let rules = ruleIDs.map { id in
        ScannedRule(
            id: id, title: id, severity: .medium, metadata: nil, resourceTypes: [], appliesToAccount: false,
            sourcePath: "rules/\(id).guard", versionHash: ScannedRule.versionHash(ofText: id))
    }
    return ScanResult(
        rules: rules, documents: Array(Set(evaluations.map(\.resource.document))).sorted(), evaluations: evaluations, evaluatedAt: clock)
}
