import Foundation
import TenetDocument
import TenetInventory

/// `tenet-benchmark inventory-stream [RESOURCES]`: writes an inventory of generated live-shaped
/// resources (default 1,000,000) in a child process, then streams it through `InventoryReader`,
/// printing the resident memory as it goes: it must stay flat.
enum InventoryStreamBenchmark {
    static let description = "stream a generated 1,000,000-resource inventory through the reader; memory must stay flat"

    static func run(_ arguments: [String]) throws {
        if arguments.first == "--write" {
            return try write(count: Int(arguments[1])!, to: arguments[2])
        }
        let count = arguments.first.flatMap { Int($0) } ?? 1_000_000
        let path = FileManager.default.temporaryDirectory.appending(path: "tenet-stream-benchmark-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }

        // Written by a child process, so this process's peak memory is the reader's alone.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        writer.arguments = ["inventory-stream", "--write", String(count), path]
        try writer.run()
        writer.waitUntilExit()
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("inventory: \(count) resources, \(String(format: "%.0f", Double(bytes) / 1e6)) MB")

        let start = ContinuousClock.now
        let reader = try InventoryReader(path: path)
        var read = 0
        var checkpoints: [String] = []
        while let resource = try reader.next() {
            read += 1
            _ = resource.configurationHash.isEmpty
            if read % (count / 4) == 0 { checkpoints.append("\(read / 1000)k: \(residentMegabytes()) MB") }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("read \(read) resources (each hashed) in \(String(format: "%.1f", seconds)) s: \(String(format: "%.0f", Double(read) / seconds)) resources/s")
        print("resident memory while reading: \(checkpoints.joined(separator: ", "))")
        print("peak RSS \(LoadBenchmark.peakResidentMegabytes()) MB")
    }

    private static func write(count: Int, to path: String) throws {
        let header = SnapshotHeader(capturedAt: Date(), collector: .aws, source: .aws(account: "123456789012", regions: ["eu-west-1"], endpoint: nil), completeness: .complete)
        let writer = try InventoryWriter(path: path, header: header)
        for index in 0..<count {
            let properties: Value = [
                "BucketName": .string("bucket-\(index)"),
                "VersioningConfiguration": ["Status": index % 3 == 0 ? "Enabled" : "Suspended"],
                "BucketEncryption": ["ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms"]]]],
                "PublicAccessBlockConfiguration": ["BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true],
            ]
            try writer.write(InventoryResource(
                type: "AWS::S3::Bucket", id: ResourceID("arn:aws:s3:::bucket-\(index)"), name: "bucket-\(index)", account: "123456789012",
                region: "eu-west-1", tags: ["team": "platform"], properties: Document(value: properties).root))
        }
        try writer.commit()
    }

    /// Current, not peak, resident memory, from /proc.
    private static func residentMegabytes() -> String {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8), let pages = Int(statm.split(separator: " ")[1]) else { return "?" }
        return String(format: "%.0f", Double(pages * Int(sysconf(Int32(_SC_PAGESIZE)))) / 1_048_576)
    }
}
