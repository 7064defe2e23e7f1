import Foundation
import TenetDocument
import TenetRules

/// `.tenet.yaml`: the settings a repository wants on every run, so that CI, the pre-commit hook
/// and a developer's shell agree. Keys are the long flag names; a flag on the command line wins
/// over the file. Paths, and `exclude` globs with a slash, are relative to the file's directory.
///
/// ```yaml
/// pack: all
/// rules: [policies/]
/// rule-params:
///   REQUIRED_TAGS: {tag1Key: Owner}
/// fail-on: medium
/// exclude: ["generated/*"]
/// reports: {sarif: tenet.sarif, junit: tenet-junit.xml}
/// ```
public struct RepositoryConfiguration: Sendable {
    public static let fileName = ".tenet.yaml"

    public var path: String?
    public var pack: String?
    public var rules: [String] = []
    public var rulesDirectory: String?
    /// Rule id → parameter name → value; the layer between pack values and `--rule-param`.
    public var ruleParameters: [String: [String: Value]] = [:]
    public var parameters: String?
    public var exclude: [String] = []
    public var failOn: Severity?
    public var failOnInsufficientData: Bool?
    public var format: String?
    public var output: String?
    /// Format name → file.
    public var reports: [(format: String, path: String)] = []
    public var suppressions: String?
    public var inlineSuppressions: Bool?
    public var baseline: String?
    public var region: String?
    public var account: String?

    public init() {}

    static let keys: Set<String> = [
        "pack", "rules", "rules-dir", "rule-params", "parameters", "exclude", "fail-on", "fail-on-insufficient-data", "format", "output",
        "reports", "suppressions", "inline-suppressions", "baseline", "region", "account",
    ]

    /// The nearest `.tenet.yaml` in `directory` or above it.
    public static func discover(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var current = URL(fileURLWithPath: directory).standardized
        while true {
            let candidate = current.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    public static func load(_ path: String) throws(Diagnostic) -> RepositoryConfiguration {
        let root = try DocumentLoader().load(contentsOf: path).root
        guard root.kind == .map || root.kind == .null else { throw invalid(root, "expected a map of settings") }
        let base = (path as NSString).deletingLastPathComponent
        let relative = { (value: String) in value.hasPrefix("/") || base.isEmpty ? value : base + "/" + value }
        var configuration = RepositoryConfiguration()
        configuration.path = path
        for (key, value) in root.entries {
            switch key {
            case "pack": configuration.pack = try string(value)
            case "rules": configuration.rules = try strings(value).map(relative)
            case "rules-dir": configuration.rulesDirectory = relative(try string(value))
            case "parameters": configuration.parameters = relative(try string(value))
            case "exclude": configuration.exclude = try strings(value).map { anchored($0, in: base) }
            case "fail-on":
                let text = try string(value)
                guard let severity = Severity(rawValue: text) else {
                    throw invalid(value, "fail-on is '\(text)'; expected one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                configuration.failOn = severity
            case "fail-on-insufficient-data": configuration.failOnInsufficientData = try bool(value)
            case "format": configuration.format = try string(value)
            case "output": configuration.output = relative(try string(value))
            case "reports":
                guard value.kind == .map else { throw invalid(value, "reports is \(value.kind); expected a map of format to file") }
                for (format, file) in value.entries { configuration.reports.append((format: format, path: relative(try string(file)))) }
            case "suppressions": configuration.suppressions = relative(try string(value))
            case "inline-suppressions": configuration.inlineSuppressions = try bool(value)
            case "baseline": configuration.baseline = relative(try string(value))
            case "region": configuration.region = try string(value)
            case "account": configuration.account = try string(value)
            case "rule-params":
                guard value.kind == .map else { throw invalid(value, "rule-params is \(value.kind); expected RULE_ID: {parameter: value}") }
                for (rule, parameters) in value.entries {
                    guard parameters.kind == .map else { throw invalid(parameters, "the parameters of \(rule) are \(parameters.kind); expected a map") }
                    configuration.ruleParameters[rule] = Dictionary(parameters.entries.map { ($0.key, $0.value.value) }, uniquingKeysWith: { $1 })
                }
            default:
                throw Diagnostic(
                    code: .invalidConfiguration,
                    message: "unknown setting '\(key)'; expected one of \(keys.sorted().joined(separator: ", "))",
                    location: FileLocation(file: path, position: value.keyLocation ?? value.location))
            }
        }
        return configuration
    }

    /// An exclude glob with a slash is a path relative to the file's directory, made absolute so
    /// it holds from any working directory; one without is a file name, matched anywhere.
    private static func anchored(_ glob: String, in base: String) -> String {
        guard glob.contains("/"), !glob.hasPrefix("/") else { return glob }
        let relative = glob.hasPrefix("./") ? String(glob.dropFirst(2)) : glob
        return URL(fileURLWithPath: base.isEmpty ? "." : base).standardized.path + "/" + relative
    }

    private static func string(_ node: Node) throws(Diagnostic) -> String {
        guard let text = node.stringValue else { throw invalid(node, "\(node.keyInParent ?? "the value") is \(node.kind); expected a string") }
        return text
    }

    private static func strings(_ node: Node) throws(Diagnostic) -> [String] {
        if let single = node.stringValue { return [single] }
        guard node.kind == .list else { throw invalid(node, "\(node.keyInParent ?? "the value") is \(node.kind); expected a list of strings") }
        var values: [String] = []
        for child in node.children { values.append(try string(child)) }
        return values
    }

    private static func bool(_ node: Node) throws(Diagnostic) -> Bool {
        guard let flag = node.boolValue else { throw invalid(node, "\(node.keyInParent ?? "the value") is \(node.kind); expected true or false") }
        return flag
    }

    private static func invalid(_ node: Node, _ message: String) -> Diagnostic {
        Diagnostic(code: .invalidConfiguration, message: message, location: node.fileLocation)
    }
}

extension DiagnosticCode {
    public static let invalidConfiguration = DiagnosticCode("config.invalid")
}
