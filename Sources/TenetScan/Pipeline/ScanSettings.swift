import Foundation
import TenetDocument
import TenetRules

/// What one `check` or `scan` run evaluates and how it judges: the command line laid over the
/// repository configuration, which is laid over the defaults.
public struct ScanSettings: Sendable {
    public var pack = "all"
    /// `--rules`: the user's own rule files and directories.
    public var customRules: [String] = []
    /// `--rules-dir`: managed rules from a directory instead of those built into the binary.
    public var rulesDirectory: String?
    public var configurationParameters: [String: [String: Value]] = [:]
    /// `--rule-param RULE.KEY=VALUE`, in order.
    public var ruleParameterFlags: [String] = []
    /// `--suppressions`; nil looks for `.tenet/suppressions.yaml` in `workingDirectory`.
    public var suppressionsFile: String?
    public var inlineSuppressions = true
    public var baseline: String?
    public var writeBaseline: String?
    public var policy = FailurePolicy()
    /// `--now`: the clock for suppression expiry and Guard's `now()`.
    public var now = Date()
    public var workingDirectory = FileManager.default.currentDirectoryPath

    public init() {}
}
