import ArgumentParser
import Foundation
import TenetDocument
import TenetReports
import TenetScan

/// Which reports a run writes, and where.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Report format: text, json, junit, sarif, csv, github (default text).", valueName: "format"))
    var format: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write FORMAT to FILE (repeatable): --report sarif=tenet.sarif.", valueName: "format=file"))
    var reports: [String] = []

    @Flag(help: "List compliant and not-applicable results too, and the files skipped.")
    var verbose = false

    @Flag(help: "JUnit: one test case per (rule, resource) pair instead of one per rule for its compliant resources.")
    var junitAll = false

    @Flag(help: "JUnit: leave out file and line attributes, for consumers that validate against the strict schema.")
    var junitNoLocations = false

    func validate() throws {
        if let format, ReportFormat(rawValue: format) == nil { throw ValidationError(Self.unknown(format)) }
        for report in reports {
            guard let (format, _) = Self.split(report) else { throw ValidationError("--report '\(report)' is not FORMAT=FILE") }
            if ReportFormat(rawValue: format) == nil { throw ValidationError(Self.unknown(format)) }
        }
    }

    /// `sarif=tenet.sarif` → ("sarif", "tenet.sarif").
    private static func split(_ report: String) -> (format: String, path: String)? {
        let parts = report.split(separator: "=", maxSplits: 1).map(String.init)
        return parts.count == 2 && !parts[1].isEmpty ? (parts[0], parts[1]) : nil
    }

    private static func unknown(_ format: String) -> String {
        "'\(format)' is not a report format; expected one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
    }

    /// Every report the run asked for: the main one (standard output unless `--output`), the
    /// `--report` ones, and the configuration file's.
    func destinations(configuration: RepositoryConfiguration) -> [(format: ReportFormat, path: String?)] {
        let main = ReportFormat(rawValue: format ?? configuration.format ?? "text") ?? .text
        var destinations: [(format: ReportFormat, path: String?)] = [(main, output ?? configuration.output)]
        let extra = reports.isEmpty ? configuration.reports : reports.compactMap(Self.split)
        for (name, path) in extra {
            if let format = ReportFormat(rawValue: name) { destinations.append((format, path)) }
        }
        return destinations
    }

    /// Writes every report, then ends the run with the exit status the failure policy gives.
    /// Writes the reports and ends the process with the run's exit status. It exits here instead
    /// of returning, as compilers do, so that the run's documents and verdicts are never freed
    /// one by one: on a 20,000-resource template that teardown is a quarter of a second on one
    /// core after the answer is written, and the operating system reclaims the memory at once.
    func finish(_ result: ScanResult, settings: ScanSettings, configuration: RepositoryConfiguration) throws -> Never {
        try write(result, settings: settings, configuration: configuration)
        Foundation.exit(settings.policy.exitStatus(for: result).rawValue)
    }

    /// Encodes and writes each report; a report file is written whole or not at all.
    func write(_ result: ScanResult, settings: ScanSettings, configuration: RepositoryConfiguration) throws(Diagnostic) {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let colour = DiagnosticRenderer.colourAllowed(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) != 0)
        for (format, path) in destinations(configuration: configuration) {
            let options = ReportOptions(
                policy: settings.policy, verbose: verbose, colour: path == nil && colour, junitAll: junitAll, junitNoLocations: junitNoLocations,
                toolVersion: TenetCommand.version, baseDirectory: workingDirectory)
            guard let path else {
                format.encoder.encode(result, options: options, into: StandardStreams.write)
                continue
            }
            do {
                try ReportFile.write(to: path) { write in format.encoder.encode(result, options: options, into: write) }
            } catch {
                throw Diagnostic(code: .unreadableFile, message: "the \(format.rawValue) report cannot be written: \(error.localizedDescription)", location: FileLocation(file: path, line: 1, column: 1))
            }
        }
    }
}
