import Foundation

/// `tenet-benchmark check [--first-answer RUNS] [TENET]`: the `tenet` binary itself, with the whole
/// managed library, over 200 generated templates × 50 resources and over one 20,000-resource
/// template (median of 5 runs each), and the process wall time to a first answer on one small
/// template (median of 10 runs). `--first-answer` measures only that, over RUNS runs, to compare start-up work without the
/// corpora's minutes. Wall time and peak memory are the child process's own, as a user would see
/// them; its CPU time (user + system) is printed beside them, because on a machine shared with
/// other work the wall time says as much about the neighbours as about tenet.
enum CheckBenchmark {
    static let description = "tenet check (whole library): 200 templates × 50 resources, one 20,000-resource template, first answer"

    static func run(_ arguments: [String]) throws {
        var arguments = arguments
        var firstAnswerOnly = false
        var firstAnswerRuns = 10
        if arguments.first == "--first-answer" {
            guard arguments.count > 1, let runs = Int(arguments[1]), runs > 0 else {
                print("usage: tenet-benchmark check [--first-answer RUNS] [TENET]")
                exit(2)
            }
            firstAnswerOnly = true
            firstAnswerRuns = runs
            arguments.removeFirst(2)
        }
        let tenet = TenetRun.binary(arguments.first)
        let directory = FileManager.default.temporaryDirectory.appending(path: "tenet-check-benchmark-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let small = directory.appending(path: "small.yaml").path
        try Data(TemplateText.yaml(resources: 5).utf8).write(to: URL(fileURLWithPath: small))
        print("first answer, one 5-resource template: \(TenetRun.median(of: firstAnswerRuns, tenet, ["check", small], in: .milliseconds)); target < 50 ms")
        guard !firstAnswerOnly else { return }

        let corpus = directory.appending(path: "corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let fifty = Data(TemplateText.yaml(resources: 50).utf8)
        for index in 0..<200 { try fifty.write(to: corpus.appending(path: "stack-\(index).yaml")) }
        let large = directory.appending(path: "large.yaml").path
        try Data(TemplateText.yaml(resources: 20_000).utf8).write(to: URL(fileURLWithPath: large))
        print("200 templates × 50 resources: \(TenetRun.median(of: corpusRuns, tenet, ["check", corpus.path])); target < 2 s, < 300 MB")
        print("one 20,000-resource template: \(TenetRun.median(of: corpusRuns, tenet, ["check", large])); target < 2 s, < 300 MB")
    }

    private static let corpusRuns = 5
}
