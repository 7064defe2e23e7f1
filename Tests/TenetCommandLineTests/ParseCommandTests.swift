import Foundation
import TenetDocument
import XCTest

final class ParseCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func parseJSON(_ text: String) throws -> Value {
        try JSONLoader().load(SourceText(name: "stdout", bytes: Array(text.utf8))).root.value
    }

    func testOneFilePrintsTheDocumentInLongForm() throws {
        let file = try write("bucket.yaml", """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-logs"
                  Arn: !GetAtt Other.Arn
                  Versioned: yes
            """)
        let outcome = try TenetProcess.run(["parse", file])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertEqual(try parseJSON(outcome.standardOutput), [
            "Resources": [
                "Bucket": [
                    "Type": "AWS::S3::Bucket",
                    "Properties": [
                        "BucketName": ["Fn::Sub": "${AWS::StackName}-logs"],
                        "Arn": ["Fn::GetAtt": ["Other", "Arn"]],
                        "Versioned": true,
                    ],
                ],
            ],
        ])
    }

    func testSeveralFilesPrintOneDocumentPerLine() throws {
        let yaml = try write("a.yaml", "A: 1\n")
        let json = try write("b.json", "{\"B\": [1.5, \"x\"]}")
        let outcome = try TenetProcess.run(["parse", yaml, json])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(try parseJSON(lines[0]), ["A": 1])
        XCTAssertEqual(try parseJSON(lines[1]), ["B": [1.5, "x"]])
    }

    func testLocationsWrapEveryNode() throws {
        let file = try write("located.yaml", "Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n")
        let outcome = try TenetProcess.run(["parse", "--locations", file])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let root = try parseJSON(outcome.standardOutput)
        let type = root["value"]?["Resources"]?["value"]?["Bucket"]?["value"]?["Type"]
        XCTAssertEqual(type, ["line": 2, "column": 18, "value": "AWS::S3::Bucket"])
    }

    func testBadInputExitsTwoWithLocationAndCaret() throws {
        let file = try write("broken.yaml", "Resources:\n  Bucket: 1\n  Bucket: 2\n")
        let outcome = try TenetProcess.run(["parse", file], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.standardOutput, "")
        XCTAssertTrue(outcome.standardError.contains("error[yaml.duplicate-key]"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("\(file):3:3"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("3 |   Bucket: 2\n  |   ^"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("\(file):2:3: 'Bucket' was first defined here"), outcome.standardError)
        XCTAssertFalse(outcome.standardError.contains("\u{1B}["), "no colour when NO_COLOR is set")
    }

    func testGoodFilesStillPrintWhenAnotherFails() throws {
        let good = try write("good.json", "{\"ok\": true}")
        let missing = scratch.appendingPathComponent("missing.yaml").path
        let outcome = try TenetProcess.run(["parse", good, missing], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(try parseJSON(outcome.standardOutput.trimmingCharacters(in: .newlines)), ["ok": true])
        XCTAssertTrue(outcome.standardError.contains("error[input.unreadable]: no such file"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("--> \(missing):1:1"), outcome.standardError)
    }

    func testUnknownTagWarnsButSucceeds() throws {
        let file = try write("rain.yaml", "Body: !Rain::Embed file.txt\n")
        let outcome = try TenetProcess.run(["parse", file], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.standardError.contains("warning[yaml.unknown-tag]"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("\(file):1:7"), outcome.standardError)
        XCTAssertEqual(try parseJSON(outcome.standardOutput), ["Body": ["Fn::Rain::Embed": "file.txt"]])
    }

    func testSizeLimitRefusesBeforeReading() throws {
        let file = try write("big.yaml", String(repeating: "- 1\n", count: 100))
        let outcome = try TenetProcess.run(["parse", "--max-bytes", "64", file], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.standardError.contains("error[input.too-large]"), outcome.standardError)
    }
}
