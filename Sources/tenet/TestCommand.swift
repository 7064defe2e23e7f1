import ArgumentParser
import TenetDocument
import TenetGuard
import TenetRules

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run Guard rule tests: expected PASS/FAIL/SKIP per rule for each input.",
        discussion: """
            Reads cfn-guard's rule-test format (a list of cases: name, input, expectations.rules). \
            With --dir, a test file in a tests/ directory belongs to the rule file beside that \
            directory whose name is the longest prefix of the test file's name.

            Examples:
              tenet test -r rules/s3_bucket_versioning.guard \\
                -t rules/tests/s3_bucket_versioning_tests.yaml
              tenet test --dir ../shared/conformance/guard-registry/rules

            Rule files that open with a Tenet metadata block (see docs/rule-metadata.md) run with \
            the parameter defaults it declares; a test case may override them by setting \
            RuleParameters in its input.

            Exit codes: 0 every expectation holds, 1 some expectation does not, 2 a rule file does \
            not parse or a test file cannot be read.
            """
    )

    @Option(name: [.short, .customLong("rules-file")], help: "A rules file (.guard).")
    var rules: String?

    @Option(name: [.short, .customLong("test-data")], help: "A test file, or a directory of them.")
    var tests: String?

    @Option(name: .customLong("dir"), help: "A directory of rule files with tests/ directories beside them.")
    var directory: String?

    @Flag(name: .shortAndLong, help: "List every case and expectation, not only failing ones.")
    var verbose = false

    func validate() throws {
        switch (rules, tests, directory) {
        case (.some, .some, nil), (nil, nil, .some): break
        default: throw ValidationError("give either -r RULES -t TESTS, or --dir DIR")
        }
    }

    func run() throws {
        // Managed rules run with the parameter defaults their metadata declares; a case's own
        // `RuleParameters` still wins.
        let (defaults, metadataWarnings) = RuleParameters.managedDefaults(at: directory ?? rules ?? "")
        metadataWarnings.forEach(StandardStreams.report)
        let suite = GuardTestSuite(parameters: defaults)
        let result: GuardTestSuite.Result
        if let directory {
            result = suite.run(directory: directory)
        } else {
            result = suite.run(rulesFile: rules ?? "", tests: tests ?? "")
        }
        result.warnings.forEach(StandardStreams.report)
        result.errors.forEach(StandardStreams.report)
        StandardStreams.write(TestReportText.render(result, verbose: verbose))
        let status = ExitStatus.of(failures: result.failedCount > 0, inputErrors: !result.errors.isEmpty)
        if status != .ok { throw status }
    }
}
