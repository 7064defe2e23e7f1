import Foundation
import Testing
import TenetDocument
@testable import TenetGuard

@Suite struct ValidationReportTests {
    private func write(_ text: String, to name: String, in directory: String) -> String {
        let path = "\(directory)/\(name)"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func validateKeepsCfnGuardsJSONShape() throws {
        let directory = NSTemporaryDirectory() + "tenet-validate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rules = write("""
            rule encrypted { Resources.*.Properties.Encrypted == true <<encrypt volumes>> }
            rule sized { Resources.*.Properties.Size <= %limit }
            rule absent when Resources.*.Properties.Nothing exists { Resources exists }
            let limit = Limits.MaxSize
            """, to: "rules.guard", in: directory)
        let data = write("Resources:\n  V:\n    Properties:\n      Encrypted: false\n      Size: 10\n", to: "t.yaml", in: directory)
        let parameters = write("Limits: {MaxSize: 20}\n", to: "p.yaml", in: directory)
        let result = GuardValidation(rulePaths: [rules], dataPaths: [data], parameterPaths: [parameters]).run()
        #expect(result.hasFailures && !result.hasErrors)

        let json = ValidationJSONReport.render(result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "FAIL")
        #expect(object["compliant"] as? [String] == ["sized"])
        #expect(object["not_applicable"] as? [String] == ["absent"])
        let failing = try #require((object["not_compliant"] as? [[String: Any]])?.first?["Rule"] as? [String: Any])
        #expect(failing["name"] as? String == "encrypted")
        let check = try #require(((failing["checks"] as? [[String: Any]])?.first?["Clause"] as? [String: Any])?["Binary"] as? [String: Any])
        let resolved = try #require((check["check"] as? [String: Any])?["Resolved"] as? [String: Any])
        #expect((resolved["from"] as? [String: Any])?["path"] as? String == "/Resources/V/Properties/Encrypted")
        let comparison = try #require(resolved["comparison"] as? [Any])
        #expect(comparison.first as? String == "Eq")
        #expect(comparison.last as? Bool == false)
        #expect(check["location"] as? String == "\(data):4:18")
        #expect((check["messages"] as? [String: Any])?["custom_message"] as? String == "encrypt volumes")
    }

    @Test func textReportNamesTheValueAndItsPlace() throws {
        let file = try GuardFixture.evaluate("rule encrypted { Resources.*.Properties.Encrypted == true }", "Resources:\n  V:\n    Properties:\n      Encrypted: false\n")
        let report = GuardValidation.DataFileReport(dataFile: "data.yaml", results: [file], error: nil)
        let text = ValidationTextReport.render(GuardValidation.Result(reports: [report], errors: []))
        #expect(text.contains("data.yaml Status = FAIL"))
        #expect(text.contains("FAIL rules.guard/encrypted at data.yaml:4:18 [/Resources/V/Properties/Encrypted]"))
        #expect(text.contains("found false, expected == true"))
    }
}
