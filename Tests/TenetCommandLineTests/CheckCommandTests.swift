import Foundation
import TenetDocument
import TenetXML
import XCTest

/// `tenet check` and `tenet scan` run as a user runs them: exit codes, every report format valid
/// against its schema, suppressions, baselines, and no secret in any output.
final class CheckCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    @discardableResult
    private func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func check(_ arguments: [String]) throws -> TenetProcess.Outcome {
        try TenetProcess.run(["check"] + arguments, in: scratch)
    }

    static let secretTemplate = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          DbPassword: {Type: String, NoEcho: true}
        Resources:
          Database:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              DBInstanceClass: db.t3.micro
              MasterUsername: admin
              MasterUserPassword: !Ref DbPassword
              StorageEncrypted: false
          Cache:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: sessions
              AuthToken: literal-token-value-123
              TransitEncryptionEnabled: false
          Logs:
            Type: AWS::S3::Bucket
        """

    func testTheSampleTemplatesHaveFindingsAndExitOne() throws {
        let outcome = try TenetProcess.run(["check", "examples/templates"])
        XCTAssertEqual(outcome.status, 1, outcome.standardError)
        XCTAssertTrue(outcome.standardOutput.contains("examples/templates/web-app.yaml:"), outcome.standardOutput)
        XCTAssertTrue(outcome.standardOutput.contains("FAILED"), outcome.standardOutput)
    }

    func testTheThresholdDecidesTheExitCode() throws {
        try write("volume.yaml", "Resources:\n  Disk:\n    Type: AWS::EC2::Volume\n    Properties: {Size: 10, AvailabilityZone: eu-west-1a, Encrypted: true}\n")
        XCTAssertEqual(try check(["volume.yaml", "--pack", "encryption", "--fail-on", "critical"]).status, 0)
        let plain = try write("plain.yaml", "Resources:\n  Disk:\n    Type: AWS::EC2::Volume\n    Properties: {Size: 10, AvailabilityZone: eu-west-1a}\n")
        let failing = try check([plain, "--pack", "encryption", "--fail-on", "high", "--format", "github"])
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.standardOutput.contains("::error file=plain.yaml,line="), failing.standardOutput)
        XCTAssertTrue(failing.standardOutput.contains("title=ENCRYPTED_VOLUMES (high)"), failing.standardOutput)
    }

    /// The shared corpus with the whole library: every file is either a reported template or a
    /// listed skip, and no rule fails to evaluate.
    func testTheCorpusIsReportedWholeWithItsSkippedFilesListed() throws {
        let corpus = "../shared/corpus/cloudformation"
        let outcome = try TenetProcess.run(["check", corpus, "--pack", "all", "--format", "json", "--verbose"])
        XCTAssertEqual(outcome.status, 1, outcome.standardError)
        let report = try JSONLoader().load(SourceText(name: "report", bytes: Array(outcome.standardOutput.utf8))).root
        let templates = report["documents"]!.children.compactMap(\.stringValue).filter { $0 != corpus }
        let skipped = report["skippedFiles"]!.children.compactMap { $0["path"]?.stringValue }
        let root = TenetProcess.packageRoot.appendingPathComponent(corpus).standardized
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { ["yaml", "yml", "json", "template"].contains(($0 as NSString).pathExtension.lowercased()) && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        XCTAssertEqual(Set(templates + skipped), Set(files.map { corpus + "/" + $0 }))
        XCTAssertGreaterThan(templates.count, 190)
        for path in skipped { XCTAssertTrue(outcome.standardError.contains("skipped \(path): "), path) }
        XCTAssertEqual(report["summary"]?["byState"]?["ERROR"]?.intValue, 0)
    }

    func testBadInputExitsTwoWithItsLocation() throws {
        try write("broken.yaml", "Resources:\n  Bucket:\n    Type: [AWS::S3::Bucket\n")
        let broken = try check(["broken.yaml"])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.standardError.contains("broken.yaml:"), broken.standardError)
        for arguments in [["broken.yaml", "--format", "pdf"], ["broken.yaml", "--fail-on", "severe"], ["missing.yaml"], ["broken.yaml", "--pack", "nope"]] {
            XCTAssertEqual(try check(arguments).status, 2, "\(arguments)")
        }
        try write("helm/chart.yaml", "name: {{ .Chart.Name }}\n  bad: [\n")
        try write("helm/stack.yaml", "Resources:\n  Disk:\n    Type: AWS::EC2::Volume\n    Properties: {Encrypted: true}\n")
        let skipped = try check(["helm", "--pack", "encryption", "--fail-on", "critical", "--verbose"])
        XCTAssertEqual(skipped.status, 0, skipped.standardError)
        XCTAssertTrue(skipped.standardError.contains("chart.yaml"), skipped.standardError)
    }

    /// The pre-commit hook passes whichever files changed; when none is a template the hook
    /// passes (`--allow-no-templates`), while a user who names no template is told so.
    func testNoTemplateIsAnErrorUnlessAllowed() throws {
        try write("compose.yaml", "services:\n  web: {image: nginx}\n")
        let refused = try check(["compose.yaml"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.standardError.contains("no CloudFormation templates found"), refused.standardError)
        let allowed = try check(["compose.yaml", "--allow-no-templates", "--verbose"])
        XCTAssertEqual(allowed.status, 0, allowed.standardError)
        XCTAssertTrue(allowed.standardError.contains("skipped compose.yaml"), allowed.standardError)
        XCTAssertTrue(allowed.standardOutput.contains("PASSED"), allowed.standardOutput)
    }

    func testEveryFormatIsValidAndHoldsNoSecret() throws {
        let template = try write("app.yaml", Self.secretTemplate)
        try write("params.json", #"[{"ParameterKey": "DbPassword", "ParameterValue": "given-password-value-456"}]"#)
        let outcome = try check([
            template, "--parameters", "params.json", "--format", "json", "--output", "report.json",
            "--report", "junit=report.xml", "--report", "sarif=report.sarif", "--report", "csv=report.csv", "--report", "github=report.gh",
            "--report", "text=report.txt", "--verbose",
        ])
        XCTAssertEqual(outcome.status, 1, outcome.standardError)
        for name in ["report.json", "report.xml", "report.sarif", "report.csv", "report.gh", "report.txt"] {
            let text = try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
            XCTAssertFalse(text.isEmpty, name)
            XCTAssertFalse(text.contains("given-password-value-456"), "\(name) holds the NoEcho value")
            XCTAssertFalse(text.contains("literal-token-value-123"), "\(name) holds the secret-named property's value")
        }
        let schemas = TenetProcess.packageRoot.appendingPathComponent("../shared/schemas").standardized
        let junit = try XMLSchemaValidator(schemaPath: schemas.appendingPathComponent("junit-10-with-locations.xsd").path)
        XCTAssertEqual(junit.validate(Array(try Data(contentsOf: scratch.appendingPathComponent("report.xml")))).map(\.description), [])
        try assertValidJSON(scratch.appendingPathComponent("report.sarif").path, schema: schemas.appendingPathComponent("sarif-schema-2.1.0.json").path)
        try assertValidJSON(
            scratch.appendingPathComponent("report.json").path, schema: TenetProcess.packageRoot.appendingPathComponent("reports/tenet-report.schema.json").path)
    }

    private func assertValidJSON(_ document: String, schema: String) throws {
        let script = TenetProcess.packageRoot.appendingPathComponent("Tests/TenetReportsTests/Support/validate_json_schema.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, schema]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: document))
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(document) is not valid against \(schema)")
    }

    func testInlineSuppressionsAndTheBaseline() throws {
        try write("app.yaml", """
            Resources:
              Disk:
                Type: AWS::EC2::Volume
                Metadata:
                  tenet:
                    suppress:
                      - {rule: ENCRYPTED_VOLUMES, reason: scratch disk, owner: platform-team, expires: "2099-01-01"}
                Properties: {Size: 10, AvailabilityZone: eu-west-1a}
            """)
        let arguments = ["app.yaml", "--pack", "encryption", "--fail-on", "high", "--format", "json", "--now", "2026-11-21T00:00:00Z"]
        let suppressed = try check(arguments)
        XCTAssertTrue(suppressed.standardOutput.contains("platform-team"), suppressed.standardOutput)
        let ignored = try check(arguments + ["--no-inline-suppressions"])
        XCTAssertEqual(ignored.status, 1)
        XCTAssertEqual(try check(arguments + ["--no-inline-suppressions", "--write-baseline", "baseline.json"]).status, 1)
        XCTAssertEqual(try check(arguments + ["--no-inline-suppressions", "--baseline", "baseline.json"]).status, 0, "known findings do not fail")
        let expired = try check(["app.yaml", "--pack", "encryption", "--fail-on", "high", "--now", "2100-01-01T00:00:00Z"])
        XCTAssertEqual(expired.status, 1, "an expired suppression no longer suppresses")
    }

    /// The account `check` judges over all templates is `account` however the templates were
    /// named on the command line, so its findings keep their fingerprint (and baselines hold),
    /// and no report points at the directory given.
    func testTheAccountIsTheSameWhicheverPathsAreGiven() throws {
        try write("stacks/app.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n")
        try write("stacks/site.yaml", "Resources:\n  Site:\n    Type: AWS::S3::Bucket\n")
        let options = ["--pack", "logging-and-monitoring", "--now", "2026-11-21T00:00:00Z"]
        var fingerprints: Set<String> = []
        for paths in [["stacks"], ["."], ["stacks/app.yaml", "stacks/site.yaml"]] {
            let outcome = try check(paths + options + ["--format", "json"])
            XCTAssertEqual(outcome.status, 1, outcome.standardError)
            let report = try JSONLoader().load(SourceText(name: "report", bytes: Array(outcome.standardOutput.utf8))).root
            XCTAssertEqual(report["summary"]?["documents"]?.intValue, 2, "\(paths)")
            let account = try XCTUnwrap(report["evaluations"]?.children.first { $0["ruleId"]?.stringValue == "CLOUD_TRAIL_ENABLED" })
            XCTAssertEqual(account["resource"]?["id"]?.stringValue, "account")
            XCTAssertNil(account["resource"]?["location"])
            fingerprints.insert(try XCTUnwrap(account["fingerprint"]?.stringValue))
        }
        XCTAssertEqual(fingerprints.count, 1)
        XCTAssertEqual(try check(["stacks"] + options + ["--write-baseline", "baseline.json"]).status, 1)
        XCTAssertEqual(try check(["."] + options + ["--baseline", "baseline.json"]).status, 0, "the account's finding is known to the baseline")

        let annotations = try check(["."] + options + ["--format", "github"]).standardOutput
        let trail = try XCTUnwrap(annotations.split(separator: "\n").first { $0.contains("CLOUD_TRAIL_ENABLED") })
        XCTAssertTrue(trail.hasPrefix("::error title=CLOUD_TRAIL_ENABLED (high)::account: "), String(trail))
        let sarif = try check(["."] + options + ["--format", "sarif"]).standardOutput
        XCTAssertFalse(sarif.contains("\"uri\": \".\""), sarif)
        XCTAssertTrue(sarif.contains("\"uri\": \"stacks/app.yaml\""), sarif)
    }

    /// `--now` is also the instant Guard's `now()` returns, so a rule about dates gives the same
    /// answer on every run.
    func testNowFixesGuardsNowFunction() throws {
        try write("rules/review_not_overdue.guard", """
            let buckets = Resources.*[ Type == 'AWS::S3::Bucket' ]
            rule review_not_overdue when %buckets !empty {
                let due = parse_epoch(%buckets.Metadata.ReviewBy)
                let today = now()
                %due > %today
            }
            """)
        try write("app.yaml", "Resources:\n  Reports:\n    Type: AWS::S3::Bucket\n    Metadata: {ReviewBy: '2026-06-01T00:00:00Z'}\n")
        func state(now: String) throws -> String? {
            let outcome = try check(["app.yaml", "--rules", "rules", "--fail-on", "critical", "--format", "json", "--now", now])
            XCTAssertNotEqual(outcome.status, 2, outcome.standardError)
            let evaluations = try JSONLoader().load(SourceText(name: "report", bytes: Array(outcome.standardOutput.utf8))).root["evaluations"]!.children
            return evaluations.first { $0["ruleId"]?.stringValue == "review_not_overdue" }?["state"]?.stringValue
        }
        XCTAssertEqual(try state(now: "2026-05-31T23:59:59Z"), "COMPLIANT")
        XCTAssertEqual(try state(now: "2026-06-01T00:00:01Z"), "NON_COMPLIANT")
    }

    /// `.tenet.yaml`, found upward from the working directory, holds the flags' settings; a flag
    /// wins over it, and a mistake in it is an input error at its line.
    func testTheRepositoryConfigurationHoldsTheSettings() throws {
        try write("infra/.tenet.yaml", """
            pack: encryption
            fail-on: high
            exclude: ["generated/*"]
            format: csv
            reports: {sarif: out/tenet.sarif}
            """)
        try write("infra/stacks/plain.yaml", "Resources:\n  Disk:\n    Type: AWS::EC2::Volume\n    Properties: {Size: 10, AvailabilityZone: eu-west-1a}\n")
        try write("infra/generated/broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("infra/out"), withIntermediateDirectories: true)
        let infra = scratch.appendingPathComponent("infra")
        let sarif = scratch.appendingPathComponent("infra/out/tenet.sarif").path

        let configured = try TenetProcess.run(["check", "."], in: infra)
        XCTAssertEqual(configured.status, 1, "fail-on high, and the broken generated template excluded: \(configured.standardError)")
        XCTAssertTrue(configured.standardOutput.hasPrefix("file,line,column,"), "format: csv")
        XCTAssertTrue(configured.standardOutput.contains("stacks/plain.yaml,4,17,"), configured.standardOutput)
        XCTAssertTrue(FileManager.default.fileExists(atPath: sarif))
        try FileManager.default.removeItem(atPath: sarif)

        let below = try TenetProcess.run(["check", "..", "--fail-on", "critical"], in: infra.appendingPathComponent("stacks"))
        XCTAssertEqual(below.status, 0, "found from a subdirectory, excludes relative to the file, and the flag wins: \(below.standardError)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: sarif), "report paths are relative to the file")

        try write("infra/other.yaml", "pack: encryption\nfail-onn: high\n")
        let mistaken = try TenetProcess.run(["check", ".", "--config", "other.yaml"], in: infra)
        XCTAssertEqual(mistaken.status, 2)
        XCTAssertTrue(mistaken.standardError.contains("unknown setting 'fail-onn'"), mistaken.standardError)
        XCTAssertTrue(mistaken.standardError.contains("other.yaml:2:1"), mistaken.standardError)
    }

    func testACollectedTemplateInventoryScansLikeTheTemplate() throws {
        try write("app.yaml", Self.secretTemplate)
        let collected = try TenetProcess.run(["collect", "template", "app.yaml", "--output", "inventory.jsonl", "--captured-at", "2026-11-21T00:00:00Z"], in: scratch)
        XCTAssertEqual(collected.status, 0, collected.standardError)
        let fromTemplate = try check(["app.yaml", "--pack", "encryption", "--format", "json"])
        let fromInventory = try TenetProcess.run(["scan", "--inventory", "inventory.jsonl", "--pack", "encryption", "--format", "json"], in: scratch)
        XCTAssertEqual(fromInventory.status, fromTemplate.status, fromInventory.standardError)
        // (resource, rule, state) of every resource verdict: the same whichever way the resources came.
        let verdicts = { (json: String) throws -> Set<String> in
            let evaluations = try JSONLoader().load(SourceText(name: "report", bytes: Array(json.utf8))).root["evaluations"]!.children
            return Set(evaluations.compactMap { evaluation -> String? in
                guard let type = evaluation["resource"]?["type"]?.stringValue, type != "AWS::::Account" else { return nil }
                return [evaluation["resource"]!["id"]!.stringValue!, evaluation["ruleId"]!.stringValue!, evaluation["state"]!.stringValue!].joined(separator: " ")
            })
        }
        let templateVerdicts = try verdicts(fromTemplate.standardOutput)
        XCTAssertTrue(templateVerdicts.contains("app.yaml#Database RDS_STORAGE_ENCRYPTED NON_COMPLIANT"), fromTemplate.standardOutput)
        XCTAssertEqual(try verdicts(fromInventory.standardOutput), templateVerdicts)
    }

    /// Scans recorded with `tenet history record`: the bucket that loses its encryption shows the
    /// change and the transition in its timeline, and `compliance --at` between answers NON_COMPLIANT.
    func testRecordedScansMakeATimeline() throws {
        let encrypted = "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}\n"
        let plain = "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: {SSEAlgorithm: DES}\n"
        for (day, text) in [("01", encrypted), ("02", plain), ("03", encrypted)] {
            try write("app.yaml", text)
            let collected = try TenetProcess.run(["collect", "template", "app.yaml", "-o", "day\(day).jsonl", "--captured-at", "2026-03-\(day)T00:00:00Z"], in: scratch)
            XCTAssertEqual(collected.status, 0, collected.standardError)
            let recorded = try TenetProcess.run(["history", "record", "day\(day).jsonl", "--store", "history.db", "--pack", "encryption", "--format", "csv", "-o", "report.csv"], in: scratch)
            XCTAssertNotEqual(recorded.status, 2, recorded.standardError)
        }
        let timeline = try TenetProcess.run(["history", "timeline", "app.yaml#Data", "--store", "history.db"], in: scratch)
        XCTAssertEqual(timeline.status, 0, timeline.standardError)
        XCTAssertTrue(timeline.standardOutput.contains("SSEAlgorithm"), timeline.standardOutput)
        XCTAssertTrue(timeline.standardOutput.contains("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: COMPLIANT -> NON_COMPLIANT"), timeline.standardOutput)
        XCTAssertTrue(timeline.standardOutput.contains("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: NON_COMPLIANT -> COMPLIANT"), timeline.standardOutput)
        let between = try TenetProcess.run(
            ["history", "compliance", "--at", "2026-03-02T12:00:00Z", "--rule", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "--store", "history.db"], in: scratch)
        XCTAssertTrue(between.standardOutput.contains("app.yaml#Data  NON_COMPLIANT"), between.standardOutput)
        XCTAssertEqual(try TenetProcess.run(["history", "verify", "--store", "history.db"], in: scratch).status, 0)
    }
}
