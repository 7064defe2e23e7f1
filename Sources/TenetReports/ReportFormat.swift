/// The output formats every command offers (`--format`, `--report FORMAT=FILE`).
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For people at a terminal.
    case text
    /// Tenet's own versioned schema (`reports/tenet-report.schema.json`), for tools.
    case json
    /// JUnit XML, for Jenkins, GitLab and Azure DevOps test views.
    case junit
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// RFC 4180 CSV, for spreadsheets.
    case csv
    /// GitHub Actions workflow commands, which annotate the pull request diff.
    case github

    /// The encoder that writes this format; each format has exactly one.
    public var encoder: any ReportEncoder {
        switch self {
        case .text: TextReportEncoder()
        case .json: JSONReportEncoder()
        case .junit: JUnitReportEncoder()
        case .sarif: SARIFReportEncoder()
        case .csv: CSVReportEncoder()
        case .github: GitHubAnnotationsEncoder()
        }
    }
}
