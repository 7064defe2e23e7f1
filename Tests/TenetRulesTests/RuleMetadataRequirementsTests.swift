import Foundation
import TenetDocument
@testable import TenetRules
import XCTest

/// What issue 5 asks of every managed rule's metadata, checked over the whole of `rules/`: every
/// required field, severities from the set, parameters used and declared alike, unique ids.
final class RuleMetadataRequirementsTests: XCTestCase {
    private let library = RepositoryLibrary.library

    func testEveryRuleFileBecameARule() throws {
        var files = 0
        for area in RuleArea.allCases {
            let folder = (RepositoryLibrary.rulesDirectory as NSString).appendingPathComponent(area.rawValue)
            files += try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".guard") }.count
        }
        XCTAssertEqual(library.rules.count, files, "a rule file whose metadata or body does not load is left out of the library")
        XCTAssertGreaterThanOrEqual(library.rules.count, 250)
    }

    func testIdentifiersAreUnique() {
        let ids = library.rules.map(\.id)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        XCTAssertEqual(repeated, [])
    }

    func testEveryRuleHasEveryRequiredField() {
        XCTAssertEqual(Severity.allCases.map(\.rawValue), ["info", "low", "medium", "high", "critical"])
        for rule in library.rules {
            let metadata = rule.metadata
            for (field, text) in [("title", metadata.title), ("description", metadata.description), ("rationale", metadata.rationale)] {
                XCTAssertFalse(text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(rule.id): \(field)")
            }
            XCTAssertTrue(metadata.remediation.contains("```"), "\(rule.id): the remediation shows a template snippet")
            if case .resourceTypes(let types) = metadata.target {
                XCTAssertFalse(types.isEmpty, "\(rule.id): resource types")
            }
            if let config = metadata.awsConfigRule {
                XCTAssertTrue(config.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }, "\(rule.id): awsConfigRule \(config)")
            }
        }
    }

    /// A parameter the body reads must be declared (else it reads nothing), and a declared one must
    /// be read (else setting it in a pack changes nothing).
    func testParametersUsedAndDeclaredAgree() throws {
        for rule in library.rules {
            let text = try String(contentsOfFile: rule.path, encoding: .utf8)
            let used = ManagedRuleLibrary.parameterReferences(in: text)
            let declared = Set(rule.metadata.parameters.map(\.name))
            XCTAssertEqual(used, declared, rule.id)
        }
    }

    func testADuplicateIdentifierIsReported() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-duplicate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for area in [RuleArea.encryption, .iam] {
            let folder = directory.appendingPathComponent(area.rawValue)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
            let text = """
                # ---
                # id: SAME_RULE
                # title: t
                # severity: low
                # area: \(area.rawValue)
                # resourceTypes: [AWS::IAM::Role]
                # description: d
                # rationale: r
                # remediation: f
                # ---
                rule SAME_RULE { Resources exists }

                """
            try Data(text.utf8).write(to: folder.appendingPathComponent("SAME_RULE.guard"))
            try Data("[]\n".utf8).write(to: folder.appendingPathComponent("tests/SAME_RULE_tests.yaml"))
        }
        let library = ManagedRuleLibrary(directory: directory.path)
        XCTAssertEqual(library.rules.map(\.path), [directory.appendingPathComponent("encryption/SAME_RULE.guard").path])
        XCTAssertEqual(library.diagnostics.map(\.code), [.ruleDuplicateID])
        XCTAssertEqual(library.diagnostics.first?.location?.file, directory.appendingPathComponent("iam/SAME_RULE.guard").path)
    }
}
