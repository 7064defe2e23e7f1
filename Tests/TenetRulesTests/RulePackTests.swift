import Foundation
import TenetDocument
import TenetRules
import XCTest

final class RulePackTests: XCTestCase {
    func testEveryPackNamesExistingRulesAndDeclaredParameters() throws {
        let library = RepositoryLibrary.library
        let packs = try ManagedRuleLibrary.packs(in: RepositoryLibrary.rulesDirectory)
        XCTAssertEqual(Set(packs.map(\.name)), [
            "encryption", "tagging-and-ownership", "logging-and-monitoring", "public-access", "iam", "resilience",
            "operational-excellence", "cis-aws-foundations", "all",
        ])
        let ids = Set(library.rules.map(\.id))
        for pack in packs {
            for named in pack.rules.map({ $0.id }) + pack.excluded {
                XCTAssertTrue(ids.contains(named), "\(pack.name) names \(named), which is not a managed rule")
            }
            XCTAssertEqual(((pack.path as NSString).lastPathComponent as NSString).deletingPathExtension, pack.name)
            let resolved = try ResolvedPack(pack, library: library)
            XCTAssertFalse(resolved.rules.isEmpty, pack.name)
            if let area = RuleArea(rawValue: pack.name) {
                XCTAssertEqual(Set(resolved.rules.map(\.id)), Set(library.rules.filter { $0.metadata.area == area }.map(\.id)), pack.name)
            }
        }
        let all = try ResolvedPack(try XCTUnwrap(packs.first { $0.name == "all" }), library: library)
        XCTAssertEqual(all.rules.count, library.rules.count)
    }

    func testPackValuesOverrideDeclaredDefaults() throws {
        let library = RepositoryLibrary.library
        let pack = try RulePackParser.parse(SourceText(name: "p.yaml", bytes: Array("""
            name: p
            description: d
            rules:
              - ENCRYPTED_VOLUMES: {kmsKeyIds: [arn:aws:kms:eu-west-1:1:key/a]}
            """.utf8)))
        let resolved = try ResolvedPack(pack, library: library)
        XCTAssertEqual(resolved.rules.map(\.id), ["ENCRYPTED_VOLUMES"])
        XCTAssertEqual(resolved.parameters.byRule["ENCRYPTED_VOLUMES"]?.value, ["kmsKeyIds": ["arn:aws:kms:eu-west-1:1:key/a"]])
    }

    func testBadPacksAreRefusedWithTheirLocation() throws {
        let library = RepositoryLibrary.library
        let cases: [(text: String, line: Int, message: String)] = [
            ("name: p\ndescription: d\nselect: {areas: [encryptoin]}\n", 3, "unknown area 'encryptoin'"),
            ("name: p\ndescription: d\nrulez: []\n", 3, "unknown field 'rulez'"),
            ("name: p\ndescription: d\nrules:\n  - [ENCRYPTED_VOLUMES]\n", 4, "a pack entry is a rule id"),
            ("name: p\ndescription: d\nrules:\n  - ENCRYPTED_VOLUMES: {kmsKeyId: x}\n", 4, "ENCRYPTED_VOLUMES.kmsKeyId, which ENCRYPTED_VOLUMES does not declare"),
            ("name: p\ndescription: d\nrules: [NO_SUCH_RULE]\n", 1, "NO_SUCH_RULE, which is not a managed rule"),
        ]
        for (index, testCase) in cases.enumerated() {
            do {
                _ = try ResolvedPack(try RulePackParser.parse(SourceText(name: "p.yaml", bytes: Array(testCase.text.utf8))), library: library)
                XCTFail("case \(index): expected an error")
            } catch {
                XCTAssertEqual(error.code, .invalidPack, "case \(index): \(error)")
                XCTAssertEqual(error.location?.line, testCase.line, "case \(index): \(error)")
                XCTAssertTrue(error.message.contains(testCase.message), "case \(index): \(error.message)")
            }
        }
    }
}
