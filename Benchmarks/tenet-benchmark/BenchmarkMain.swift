import Foundation

/// `tenet-benchmark NAME [ARGS…]`: speed and memory figures, printed, never asserted.
///
/// Benchmarks are commands rather than tests because timings on a shared 2-core machine are
/// evidence to read, not a pass/fail gate. Build every product with `swift build -c release
/// --static-swift-stdlib`: several benchmarks run the `tenet` binary beside this one.
@main
enum BenchmarkMain {
    /// Every benchmark, by the name given on the command line.
    static let benchmarks: [String: (description: String, run: @Sendable ([String]) throws -> Void)] = [
        "check": (CheckBenchmark.description, CheckBenchmark.run),
        "collect": (CollectBenchmark.description, CollectBenchmark.run),
        "export": (ExportBenchmark.description, ExportBenchmark.run),
        "guard": (GuardBenchmark.description, GuardBenchmark.run),
        "inventory-stream": (InventoryStreamBenchmark.description, InventoryStreamBenchmark.run),
        "history": (HistoryBenchmark.description, HistoryBenchmark.run),
        "load": (LoadBenchmark.description, LoadBenchmark.run),
        "reports": (ReportsBenchmark.description, ReportsBenchmark.run),
        "rules-load": (RulesLoadBenchmark.description, RulesLoadBenchmark.run),
    ]

    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let benchmark = benchmarks[name] else {
            print("usage: tenet-benchmark NAME [ARGS…]\n")
            for (name, benchmark) in benchmarks.sorted(by: { $0.key < $1.key }) {
                print("  \(name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(benchmark.description)")
            }
            exit(arguments.isEmpty ? 0 : 2)
        }
        try benchmark.run(Array(arguments.dropFirst()))
    }
}
