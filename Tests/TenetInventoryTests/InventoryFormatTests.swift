import Foundation
import TenetDocument
import TenetInventory
import XCTest

final class InventoryFormatTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-inventory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private let header = SnapshotHeader(
        capturedAt: Date(timeIntervalSince1970: 1_795_219_200), collector: .aws,
        source: .aws(account: "123456789012", regions: ["eu-west-1"], endpoint: "http://127.0.0.1:5000"),
        completeness: .partial(failedTypes: ["AWS::KMS::Key": "kms: AccessDeniedException"]))

    private func bucket(_ name: String, properties: Value) -> InventoryResource {
        InventoryResource(
            type: "AWS::S3::Bucket", id: ResourceID("arn:aws:s3:::\(name)"), name: name, account: "123456789012", region: "eu-west-1",
            tags: ["Owner": "data", "CostCenter": "42"], properties: Document(value: properties).root,
            relationships: [ResourceRelationship(.references, "arn:aws:kms:eu-west-1:123456789012:key/k1")])
    }

    private func write(_ resources: [InventoryResource], to name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let writer = try InventoryWriter(path: path, header: header)
        for resource in resources { try writer.write(resource) }
        try writer.commit()
        return path
    }

    func testRoundTripKeepsEveryField() throws {
        let original = bucket("logs", properties: ["BucketName": "logs", "VersioningConfiguration": ["Status": "Enabled"], "Size": 1.5, "Count": 3])
        let path = try write([original, bucket("data", properties: [:])], to: "inventory.jsonl")

        let reader = try InventoryReader(path: path)
        XCTAssertEqual(reader.header, header)
        let first = try XCTUnwrap(try reader.next())
        XCTAssertEqual(first.type, original.type)
        XCTAssertEqual(first.id, original.id)
        XCTAssertEqual(first.name, "logs")
        XCTAssertEqual(first.account, "123456789012")
        XCTAssertEqual(first.region, "eu-west-1")
        XCTAssertEqual(first.tags, original.tags)
        XCTAssertEqual(first.properties.value, original.properties.value)
        XCTAssertEqual(first.relationships, original.relationships)
        XCTAssertEqual(first.configurationHash, original.configurationHash)
        XCTAssertEqual(try reader.next()?.name, "data")
        XCTAssertNil(try reader.next())
    }

    func testOutputIsDeterministicAndHashIgnoresKeyOrder() throws {
        let a = bucket("logs", properties: ["A": 1, "B": ["X": true, "Y": nil]])
        let b = bucket("logs", properties: ["B": ["Y": nil, "X": true], "A": 1])
        XCTAssertEqual(a.configurationHash, b.configurationHash)
        XCTAssertNotEqual(a.configurationHash, bucket("logs", properties: ["A": 1.0, "B": ["X": true, "Y": nil]]).configurationHash, "an int is not a float")
        XCTAssertEqual(a.configurationHash.count, 64)

        let first = try Data(contentsOf: URL(fileURLWithPath: try write([a], to: "one.jsonl")))
        let second = try Data(contentsOf: URL(fileURLWithPath: try write([a], to: "two.jsonl")))
        XCTAssertEqual(first, second)
    }

    /// `scan aws` projects what it just collected without writing it: the same document as
    /// projecting the written file, and the same duplicate-id check.
    func testAProjectionFromMemoryEqualsTheProjectionOfTheFile() throws {
        let resources = [bucket("logs", properties: ["BucketName": "logs", "Tags": [["Key": "a", "Value": "b"]]]), bucket("data", properties: [:])]
        let fromFile = try SnapshotProjection(reading: try write(resources, to: "live.jsonl"))
        let fromMemory = try SnapshotProjection(header: header, resources: resources, name: "live")
        XCTAssertEqual(fromMemory.header, fromFile.header)
        XCTAssertEqual(fromMemory.document.root.value, fromFile.document.root.value)
        XCTAssertEqual(fromMemory.resources.map(\.id), ["arn:aws:s3:::logs", "arn:aws:s3:::data"])
        XCTAssertEqual(fromMemory.resources[0].properties.value, fromMemory.document.root["Resources"]?["arn:aws:s3:::logs"]?["Properties"]?.value)
        XCTAssertThrowsError(try SnapshotProjection(header: header, resources: resources + [resources[0]], name: "live")) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, .invalidInventory)
        }
    }

    func testUncommittedWriteLeavesNothingBehind() throws {
        let path = directory.appendingPathComponent("inventory.jsonl").path
        do {
            let writer = try InventoryWriter(path: path, header: header)
            try writer.write(bucket("logs", properties: [:]))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
    }

    func testAPipeIsWrittenInPlaceAndStaysAPipe() throws {
        let path = directory.appendingPathComponent("inventory.fifo").path
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        let reading = BackgroundComputation { FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() }
        _ = try write([bucket("logs", properties: [:])], to: "inventory.fifo")
        let lines = String(decoding: try XCTUnwrap(reading.value), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].contains("\"logs\""), String(lines[1]))
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["inventory.fifo"])
    }

    func testBadInventoriesAreRefusedWithTheirLine() throws {
        let cases: [(text: String, code: DiagnosticCode, line: Int, message: String)] = [
            ("", .emptyDocument, 1, "expected a header line"),
            ("{\"schemaVersion\": 99, \"capturedAt\": \"2026-11-21T00:00:00Z\"}\n", .unsupportedInventoryVersion, 1, "newer than this Tenet reads"),
            ("[1, 2]\n", .invalidInventory, 1, "not an inventory header"),
            (validHeader + "{\"type\": \"AWS::S3::Bucket\", \"id\": \"b\"\n", .jsonSyntax, 2, "expected ',' or '}'"),
            (validHeader + "\n{\"type\": 5, \"id\": \"b\", \"properties\": {}}\n", .invalidInventory, 3, "'type' is int; expected a string"),
            (validHeader + "{\"type\": \"T::A::B\", \"id\": \"b\"}\n", .invalidInventory, 2, "missing 'properties'"),
        ]
        for (index, testCase) in cases.enumerated() {
            let path = directory.appendingPathComponent("bad-\(index).jsonl").path
            try Data(testCase.text.utf8).write(to: URL(fileURLWithPath: path))
            do {
                let reader = try InventoryReader(path: path)
                while try reader.next() != nil {}
                XCTFail("case \(index): expected an error")
            } catch {
                XCTAssertEqual(error.code, testCase.code, "case \(index): \(error)")
                XCTAssertEqual(error.location?.file, path, "case \(index)")
                XCTAssertEqual(error.location?.line, testCase.line, "case \(index): \(error)")
                XCTAssertTrue(error.message.contains(testCase.message), "case \(index): \(error.message)")
            }
        }
    }

    func testOverlongLineIsRefusedNotBuffered() throws {
        let path = directory.appendingPathComponent("long.jsonl").path
        try Data((validHeader + "{\"padding\": \"" + String(repeating: "x", count: 5000) + "\"}\n").utf8).write(to: URL(fileURLWithPath: path))
        let reader = try InventoryReader(path: path, maxLineBytes: 1000)
        XCTAssertThrowsError(try reader.next()) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, .fileTooLarge)
        }
    }

    private var validHeader: String {
        "{\"schemaVersion\":1,\"capturedAt\":\"2026-11-21T00:00:00Z\",\"collector\":\"template\",\"source\":{\"templates\":[\"a.yaml\"]},\"complete\":true}\n"
    }
}
