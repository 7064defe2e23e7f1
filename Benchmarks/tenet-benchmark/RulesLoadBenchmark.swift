import Foundation
import TenetRules

/// `tenet-benchmark rules-load [RUNS]`: the time from nothing to the whole bundled library loaded
/// (every rule with the metadata compiled in; Guard bodies wait for a scan that selects them) plus
/// its packs, as every command that reads the managed rules pays it once before its first answer.
///
/// The first run includes the process's first touch of the bundled texts; later runs show the
/// steady cost of parsing alone.
enum RulesLoadBenchmark {
    static let description = "load the bundled managed library's metadata and packs (default 10 runs)"

    static func run(_ arguments: [String]) throws {
        let runs = max(1, arguments.first.flatMap { Int($0) } ?? 10)
        var seconds: [Double] = []
        var ruleCount = 0
        var packCount = 0
        for _ in 0..<runs {
            let start = Date()
            let library = ManagedRuleLibrary(bundled: BundledRules.files)
            let packs = try ManagedRuleLibrary.bundledPacks()
            _ = try packs.map { try ResolvedPack($0, library: library) }
            seconds.append(Date().timeIntervalSince(start))
            ruleCount = library.rules.count
            packCount = packs.count
            guard library.diagnostics.isEmpty else {
                print("the bundled library has problems: \(library.diagnostics.map(\.description))")
                return
            }
        }
        let sorted = seconds.sorted()
        let bytes = BundledRules.files.reduce(0) { $0 + $1.text.utf8.count }
        print("rules-load: \(ruleCount) rules, \(packCount) packs resolved, \(bytes / 1024) KiB of text")
        print(String(format: "  first run %.1f ms; over %d runs: min %.1f ms, median %.1f ms, max %.1f ms",
                     seconds[0] * 1000, runs, sorted[0] * 1000, sorted[sorted.count / 2] * 1000, sorted[sorted.count - 1] * 1000))
    }
}
