import TenetScan

/// What the command line decides about a report beyond the result itself.
public struct ReportOptions: Sendable {
    /// The run's failure policy, so reports mark exactly the findings that set the exit code.
    public var policy: FailurePolicy
    /// Lists compliant and not-applicable verdicts and skipped files (text and CSV); the other
    /// formats always carry them or never do.
    public var verbose: Bool
    /// ANSI colour in the text report. The caller decides (a terminal, no `NO_COLOR`, no
    /// `TERM=dumb`); the encoder only obeys.
    public var colour: Bool
    /// JUnit: one test case per (rule, resource) pair instead of one per rule for its compliant
    /// resources (`--junit-all`).
    public var junitAll: Bool
    /// JUnit: leave out the non-standard `file` and `line` attributes, for consumers that
    /// validate against the plain Jenkins schema (`--junit-no-locations`).
    public var junitNoLocations: Bool
    /// The `tenet` version, named in JSON and SARIF.
    public var toolVersion: String
    /// Relative file names are read from here, and absolute names under it are reported
    /// relative to it; CI systems resolve report paths against the repository root.
    public var baseDirectory: String
    /// The source lines quoted in reports, read once per file however many formats are written.
    public var sources: SourceLines

    public init(
        policy: FailurePolicy = FailurePolicy(), verbose: Bool = false, colour: Bool = false, junitAll: Bool = false,
        junitNoLocations: Bool = false, toolVersion: String, baseDirectory: String, sources: SourceLines? = nil
    ) {
        self.policy = policy
        self.verbose = verbose
        self.colour = colour
        self.junitAll = junitAll
        self.junitNoLocations = junitNoLocations
        self.toolVersion = toolVersion
        self.baseDirectory = baseDirectory
        self.sources = sources ?? SourceLines(baseDirectory: baseDirectory)
    }
}
