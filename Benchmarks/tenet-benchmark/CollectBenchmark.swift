import Foundation
import TenetDocument
import TenetInventory
import TenetTemplates

/// `tenet-benchmark collect [TEMPLATES] [RESOURCES_PER_TEMPLATE]`: the template collector over a
/// generated corpus (default 100 × 1,000 = 100,000 resources), written as an inventory.
enum CollectBenchmark {
    static let description = "tenet collect template over generated templates (default 100 × 1,000 resources)"

    static func run(_ arguments: [String]) throws {
        let templates = arguments.first.flatMap { Int($0) } ?? 100
        let perTemplate = arguments.count > 1 ? Int(arguments[1]) ?? 1_000 : 1_000
        let directory = FileManager.default.temporaryDirectory.appending(path: "tenet-collect-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: directory.appending(path: "templates"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Data(TemplateText.yaml(resources: perTemplate).utf8)
        for index in 0..<templates {
            try text.write(to: directory.appending(path: "templates/stack-\(index).yaml"))
        }
        print("corpus: \(templates) templates × \(perTemplate) resources, \(String(format: "%.1f", Double(text.count * templates) / 1e6)) MB of YAML")

        let start = ContinuousClock.now
        let set = try TemplateSet.collect([directory.appending(path: "templates").path])
        let resources = set.templates.flatMap(\.resources)
        let collected = ContinuousClock.now - start
        let header = SnapshotHeader(capturedAt: Date(), collector: .template, source: .templates(paths: set.templates.map(\.path)), completeness: .complete)
        let writer = try InventoryWriter(path: directory.appending(path: "inventory.jsonl").path, header: header)
        try writer.write(contentsOf: resources.sorted { $0.id < $1.id })
        try writer.commit()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("collected in \(collected), written in \(elapsed - collected)")
        print("collected and wrote \(resources.count) resources in \(String(format: "%.2f", seconds)) s: \(String(format: "%.0f", Double(resources.count) / seconds)) resources/s")
        print("peak RSS \(LoadBenchmark.peakResidentMegabytes()) MB")
    }
}
