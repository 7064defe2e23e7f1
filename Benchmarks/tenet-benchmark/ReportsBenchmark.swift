import Foundation

/// `tenet-benchmark reports [TENET]`: `tenet check` with the whole managed library on one
/// generated 20,000-resource template (the check benchmark's), once with the text report and once
/// with each machine-readable format written to a file (`--format F -o FILE`), so each format's
/// cost shows as the difference from the text run. CI systems read these formats on every pull
/// request; the report's size is printed beside its time.
enum ReportsBenchmark {
    static let description = "tenet check on one 20,000-resource template with each --format to a file, beside the text run"

    static func run(_ arguments: [String]) throws {
        let tenet = TenetRun.binary(arguments.first)
        let directory = FileManager.default.temporaryDirectory.appending(path: "tenet-reports-benchmark-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let large = directory.appending(path: "large.yaml").path
        try Data(TemplateText.yaml(resources: 20_000).utf8).write(to: URL(fileURLWithPath: large))

        let steal = HostSteal()
        let text = TenetRun.measure(tenet, ["check", large])
        print("text (stdout):  \(text.figures)")
        for format in ["json", "sarif", "junit", "csv", "github"] {
            let report = directory.appending(path: "report.\(format)").path
            let run = TenetRun.measure(tenet, ["check", large, "--format", format, "--output", report])
            let size = (try? FileManager.default.attributesOfItem(atPath: report)[.size] as? Int) ?? 0
            try? FileManager.default.removeItem(atPath: report)
            print(
                "\((format + ":").padding(toLength: 15, withPad: " ", startingAt: 0))\(run.figures); "
                    + "\(String(format: "%+.2f", run.seconds - text.seconds)) s wall beside text, report \(size >> 20) MB; target ≤ +1 s, < 300 MB")
        }
        print("while these ran, \(steal.share ?? "the host's steal could not be read")")
    }
}
