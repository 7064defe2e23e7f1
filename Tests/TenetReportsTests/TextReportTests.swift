import Testing
import TenetDocument
import TenetReports
import TenetScan

@Suite struct TextReportTests {
    static func report(_ options: ReportOptions = ReportFixture.options()) -> String {
        String(decoding: TextReportEncoder().encode(ReportFixture.scanResult, options: options), as: UTF8.self)
    }

    @Test func failingChecksShowLocationSourceLineAndCaret() {
        let report = Self.report()
        #expect(report.contains("""
            error[RDS_INSTANCE_PUBLIC_ACCESS_CHECK]: RDS DB instances are not publicly accessible: RDS instances must not be reachable from the internet (found true, expected false)
              --> templates/storage.yaml:30:27
               |
            30 |       PubliclyAccessible: true
               |                           ^
            """))
        #expect(report.contains("depends on parameter EncryptStorage"))
        #expect(report.contains("= note: fix: Set PubliclyAccessible to false"))
    }

    @Test func groupedByFileThenResource() throws {
        let report = Self.report()
        let network = try #require(report.range(of: "== templates/network.yaml"))
        let storage = try #require(report.range(of: "== templates/storage.yaml"))
        let database = try #require(report.range(of: "-- ReportsDatabase (AWS::RDS::DBInstance)"))
        let admin = try #require(report.range(of: "-- AdminSecurityGroup (AWS::EC2::SecurityGroup)"))
        #expect(network.lowerBound < admin.lowerBound && admin.lowerBound < storage.lowerBound && storage.lowerBound < database.lowerBound)
        #expect(report.contains("-- account (AWS::::Account)"))
    }

    @Test func suppressedFindingsShowOwnerReasonAndExpiry() {
        let report = Self.report()
        #expect(report.contains("suppressed by network-team until 2027-03-31T23:59:59Z: Bastion reachable only through the corporate VPN range, review with NET-142 (inline Metadata.tenet.suppress at templates/network.yaml:9:13)"))
        #expect(report.contains("Expired suppressions (no longer suppressing): 1"))
        #expect(report.contains("LOGS_LOG_GROUP_RETENTION_DEFINED on ReportsLogGroup: suppressed by observability until 2026-10-01T23:59:59Z"))
    }

    @Test func passesAreCountedAndListedOnlyWhenVerbose() {
        let quiet = Self.report()
        let verbose = Self.report(ReportFixture.options(verbose: true))
        #expect(!quiet.contains("ok   S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"))
        #expect(!quiet.contains("-- ReportsBucket"))
        #expect(quiet.contains("Skipped files: 1 (listed with --verbose)"))
        #expect(verbose.contains("-- ReportsBucket (AWS::S3::Bucket)\n   ok   S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"))
        #expect(verbose.contains("   n/a  RDS_INSTANCE_PERFORMANCE_INSIGHTS_ENABLED"))
        #expect(verbose.contains("  charts/values.yaml: not a CloudFormation template"))
    }

    @Test func summaryCountsVerdictsBySeverityAndState() {
        let report = Self.report()
        #expect(report.contains("Summary: 10 rules, 2 documents, 13 verdicts (rule × resource; 2 account-level)"))
        #expect(report.contains("  severity  ERROR  NON_COMPLIANT  INSUFFICIENT_DATA  COMPLIANT  NOT_APPLICABLE"))
        #expect(report.contains("  critical      0              1                  0          0               0"))
        #expect(report.contains("  high          0              3                  1          1               0"))
        #expect(report.contains("FAILED: 5 verdicts fail the run (--fail-on low)"))
        #expect(Self.report(ReportFixture.options(policy: FailurePolicy(threshold: .critical))).contains("FAILED: 3 verdicts"))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!Self.report().contains("\u{1B}["))
        let coloured = Self.report(ReportFixture.options(colour: true))
        #expect(coloured.contains("\u{1B}[1;31merror"))
        #expect(coloured.contains("\u{1B}[1;31mFAILED"))
    }

    /// A second database in another file fails the same rule as the fixture's `ReportsDatabase`.
    static func withSecondPublicDatabase() -> ScanResult {
        let other = ReportFixture.resource(ReportFixture.network, "ReplicaDatabase", "AWS::RDS::DBInstance", line: 40)
        let check = FailingCheck(
            propertyPath: ReportFixture.pointer("/Properties/PubliclyAccessible"), found: true, expected: false,
            message: nil, reason: "PubliclyAccessible is true", location: FileLocation(file: ReportFixture.network, line: 44, column: 27))
        var result = ReportFixture.scanResult
        result.evaluations.append(Evaluation(ruleID: "RDS_INSTANCE_PUBLIC_ACCESS_CHECK", resource: other, state: .nonCompliant, checks: [check]))
        return result
    }

    @Test func aRuleFixIsPrintedInFullOnceThenReferredTo() throws {
        let report = String(decoding: TextReportEncoder().encode(Self.withSecondPublicDatabase(), options: ReportFixture.options()), as: UTF8.self)
        let fullFix = "= note: fix: Set PubliclyAccessible to false"
        #expect(report.components(separatedBy: fullFix).count == 2)
        // Output order, not the result's: network.yaml is printed first, so its database shows the fix.
        let full = try #require(report.range(of: fullFix))
        let reference = try #require(report.range(of: "\n   = note: fix: as for ReplicaDatabase at templates/network.yaml:44:27 above\n"))
        let replica = try #require(report.range(of: "-- ReplicaDatabase"))
        let reports = try #require(report.range(of: "-- ReportsDatabase"))
        #expect(replica.lowerBound < full.lowerBound && full.lowerBound < reports.lowerBound && reports.lowerBound < reference.lowerBound)
        // Other rules, which fire once, keep their fix in full.
        #expect(report.contains("= note: fix: Set StorageEncrypted to true"))
    }

    @Test func aCheckOnTheResourceItselfNamesNoPath() {
        let bucket = ReportFixture.reportsBucket
        var result = ReportFixture.scanResult
        result.evaluations.append(Evaluation(
            ruleID: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", resource: bucket, state: .nonCompliant,
            checks: [FailingCheck(propertyPath: .root, found: nil, expected: nil, message: nil, reason: "the bucket has no tags", location: bucket.location)]))
        let report = String(decoding: TextReportEncoder().encode(result, options: ReportFixture.options()), as: UTF8.self)
        #expect(report.contains("""
            error[S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED]: S3 buckets use server-side encryption by default: the bucket has no tags
              --> templates/storage.yaml:11:3
               |
            11 |   ReportsBucket:
               |   ^
               = note: severity
            """))
        #expect(!report.contains("= note: at \n"))
        let junit = String(decoding: JUnitReportEncoder().encode(result, options: ReportFixture.options()), as: UTF8.self)
        #expect(junit.contains("Check: the bucket has no tags\n"))
    }
}
