import Testing
@testable import TenetReports
import TenetScan

@Suite struct GitHubAnnotationsTests {
    static func lines(_ options: ReportOptions = ReportFixture.options()) -> [String] {
        String(decoding: GitHubAnnotationsEncoder().encode(ReportFixture.scanResult, options: options), as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }

    @Test func escapesDataAndProperties() {
        #expect(GitHubAnnotationsEncoder.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubAnnotationsEncoder.escapeProperty("dir/a:b,c%\n") == "dir/a%3Ab%2Cc%25%0A")
    }

    @Test func oneCommandPerListedVerdictWithItsLocation() {
        let lines = Self.lines()
        #expect(lines.count == ReportFixture.evaluations.count { [.nonCompliant, .error, .insufficientData].contains($0.state) })
        #expect(lines.contains { $0.hasPrefix("::error file=templates/storage.yaml,line=30,col=27,title=RDS_INSTANCE_PUBLIC_ACCESS_CHECK (critical)::ReportsDatabase: RDS DB instances are not publicly accessible") })
        // Multi-line fixes stay on the command's one line.
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
    }

    @Test func commandFollowsWhetherTheVerdictFailsTheRun() {
        let lines = Self.lines()
        #expect(lines.contains { $0.hasPrefix("::notice file=templates/network.yaml,line=19,col=19,title=EC2_SECURITY_GROUP_RDP_RESTRICTED (high)::") && $0.contains("suppressed by network-team") })
        #expect(lines.contains { $0.hasPrefix("::warning file=templates/storage.yaml,line=32,col=3,title=LOGS_LOG_GROUP_RETENTION_DEFINED (info)::") })
        let strict = Self.lines(ReportFixture.options(policy: FailurePolicy(threshold: .info)))
        #expect(strict.contains { $0.hasPrefix("::error file=templates/storage.yaml,line=32,col=3,title=LOGS_LOG_GROUP_RETENTION_DEFINED (info)::") })
    }
}
