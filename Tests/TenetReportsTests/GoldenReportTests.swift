import Foundation
import Testing
import TenetReports
import TenetScan

/// Every format's output for the fixture, byte for byte, so any change to a report is a
/// reviewed diff. The samples in `reports/samples/` are the same files.
@Suite struct GoldenReportTests {
    static let variants: [(name: String, format: ReportFormat, options: ReportOptions)] = [
        ("report.txt", .text, ReportFixture.options()),
        ("report-verbose.txt", .text, ReportFixture.options(verbose: true)),
        ("report-colour.txt", .text, ReportFixture.options(colour: true)),
        ("report.json", .json, ReportFixture.options()),
        ("report.junit.xml", .junit, ReportFixture.options()),
        ("report-all.junit.xml", .junit, ReportFixture.options(junitAll: true)),
        ("report-no-locations.junit.xml", .junit, ReportFixture.options(junitNoLocations: true)),
        ("report.sarif", .sarif, ReportFixture.options()),
        ("report.csv", .csv, ReportFixture.options()),
        ("report.github.txt", .github, ReportFixture.options()),
    ]

    @Test(arguments: variants.map(\.name))
    func matchesGolden(_ name: String) throws {
        let variant = Self.variants.first { $0.name == name }!
        let output = variant.format.encoder.encode(ReportFixture.scanResult, options: variant.options)
        #expect(!output.isEmpty)
        try Golden.check(output, named: name)
    }

    @Test func everyFormatHasAGolden() {
        #expect(Set(Self.variants.map(\.format)) == Set(ReportFormat.allCases))
    }

    @Test func encodingTwiceGivesTheSameBytes() {
        for format in ReportFormat.allCases {
            let options = ReportFixture.options()
            #expect(format.encoder.encode(ReportFixture.scanResult, options: options) == format.encoder.encode(ReportFixture.scanResult, options: options), "\(format)")
        }
    }

    /// The documentation's samples are the goldens, so they can never show an outdated format.
    @Test func samplesAreTheGoldens() throws {
        let goldenNames = try FileManager.default.contentsOfDirectory(atPath: TestPaths.golden.path).sorted()
        let sampleNames = try FileManager.default.contentsOfDirectory(atPath: TestPaths.samples.path).sorted()
        #expect(goldenNames == (Self.variants.map(\.name) + LiveDocumentTests.variants.map(\.name)).sorted())
        #expect(sampleNames == goldenNames)
        for name in goldenNames {
            let golden = try Data(contentsOf: TestPaths.golden.appending(path: name))
            let sample = try Data(contentsOf: TestPaths.samples.appending(path: name))
            #expect(golden == sample, "reports/samples/\(name) differs from its golden file")
        }
    }

    /// No absolute path of the machine that ran the tests leaks into a report.
    @Test func reportsHoldNoAbsolutePaths() {
        for variant in Self.variants {
            let output = String(decoding: variant.format.encoder.encode(ReportFixture.scanResult, options: variant.options), as: UTF8.self)
            #expect(!output.contains(TestPaths.fixtures.path), "\(variant.name)")
        }
    }
}
