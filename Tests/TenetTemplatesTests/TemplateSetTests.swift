import Foundation
import TenetDocument
import TenetInventory
import TenetTemplates
import Testing

@Suite struct TemplateSetTests {
    @Test func directoriesAreWalkedAndNonTemplatesSkippedAndListed() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.write("stacks/app.yaml", "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n")
        try fixture.write("stacks/nested/db.json", #"{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"StorageEncrypted": true}}}}"#)
        try fixture.write("stacks/values.yaml", "replicaCount: 2\n")
        try fixture.write("stacks/chart.yaml", "image: {{ .Values.image }}\n  bad: [\n")
        try fixture.write("stacks/.hidden/skip.yaml", "Resources:\n  X:\n    Type: AWS::S3::Bucket\n")
        try fixture.write("stacks/readme.md", "# not looked at\n")

        let set = try fixture.collect(["stacks"])
        #expect(set.templates.map(\.path) == ["stacks/app.yaml", "stacks/nested/db.json"])
        #expect(set.templates.flatMap(\.resources).map(\.id) == ["stacks/app.yaml#Logs", "stacks/nested/db.json#Db"])
        #expect(set.skipped.map(\.path) == ["stacks/chart.yaml", "stacks/values.yaml"])
        #expect(set.skipped[0].reason.hasPrefix("not parseable as YAML or JSON"))
        #expect(set.skipped[1].reason.hasPrefix("not a CloudFormation template"))
        #expect(set.warnings.contains { $0.location?.file == "stacks/chart.yaml" && $0.severity == .warning })
    }

    @Test func pathsAreNormalizedSoIdsAreStable() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.write("a/app.yaml", "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n")
        let spellings = ["a/app.yaml", "./a//app.yaml", "a/../a/app.yaml", fixture.directory + "/a/app.yaml"]
        for spelling in spellings {
            let given = spelling.hasPrefix("/") ? spelling : fixture.directory + "/" + spelling
            let set = try TemplateSet.collect([given], discovery: TemplateFileDiscovery(workingDirectory: fixture.directory))
            #expect(set.templates.first?.resources.first?.id == "a/app.yaml#Logs", "spelled \(spelling)")
        }
        #expect(PathNormalization.normalize("./x/../y/t.yaml", relativeTo: "/repo") == "y/t.yaml")
        #expect(PathNormalization.normalize("../other/t.yaml", relativeTo: "/repo") == "../other/t.yaml")
        #expect(PathNormalization.normalize("/elsewhere/t.yaml", relativeTo: "/repo") == "/elsewhere/t.yaml")
    }

    @Test func aBrokenTemplateIsAnErrorWithItsLocationWhereverItIs() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.write("dir/broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: [unclosed\n")
        for path in ["dir", "dir/broken.yaml"] {
            #expect {
                try fixture.collect([path])
            } throws: { error in
                let diagnostic = error as! Diagnostic
                return diagnostic.location?.file == "dir/broken.yaml" && diagnostic.location!.line >= 4 && diagnostic.sourceLine != nil
            }
        }
        try fixture.write("named.yaml", "just: [text\n")
        #expect(throws: Diagnostic.self) { try fixture.collect(["named.yaml"]) }
        #expect(throws: Diagnostic.self) { try fixture.collect(["missing.yaml"]) }
    }

    @Test func excludedFilesAreNotLookedAt() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.write("t/keep.yaml", "Resources:\n  A:\n    Type: AWS::S3::Bucket\n")
        try fixture.write("t/generated/out.json", #"{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}"#)
        let set = try fixture.collect(["t"], excludes: ["t/generated/*"])
        #expect(set.templates.map(\.path) == ["t/keep.yaml"])
    }

    @Test func transformsUnknownTypesAndUntypedResourcesAreReported() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.write("sam.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Handler:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12}
              Typo:
                Type: AWS:S3:Bucket
              NoType:
                Properties: {}
              Misspelt:
                Type: AWS::S3::Bukket
              Custom:
                Type: Custom::Seeder
            """)
        let set = try fixture.collect(["sam.yaml"])
        let template = try #require(set.templates.first)
        #expect(template.transforms == ["AWS::Serverless-2016-10-31"])
        #expect(template.notExpanded == ["Handler"])
        #expect(template.resources.map(\.type) == ["AWS::Serverless::Function", "AWS:S3:Bucket", "AWS::S3::Bukket", "Custom::Seeder"])
        #expect(set.warnings.contains { $0.code == .unknownResourceType && $0.location?.line == 11 && $0.message.contains("Bukket") })
        #expect(set.warnings.filter { $0.code == .unknownResourceType }.count == 2)
        #expect(set.warnings.contains { $0.code == .transformNotExpanded && $0.message.contains("Handler") })
        #expect(set.warnings.contains { $0.code == .unknownResourceType && $0.location?.line == 7 })
        #expect(set.warnings.contains { $0.code == .resourceWithoutType && $0.location?.line == 8 })
    }

    @Test func parameterFilesInBothForms() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let list = try fixture.write("list.json", #"[{"ParameterKey": "Env", "ParameterValue": "dev"}, {"ParameterKey": "Count", "ParameterValue": 3}]"#)
        let map = try fixture.write("map.yaml", "Env: dev\nSubnets: [a, b]\n")
        #expect(try ParameterFile.load(list) == ["Env": "dev", "Count": 3])
        #expect(try ParameterFile.load(map) == ["Env": "dev", "Subnets": ["a", "b"]])
        let bad = try fixture.write("bad.json", #"[{"ParameterKey": "Env"}]"#)
        #expect {
            try ParameterFile.load(bad)
        } throws: { ($0 as! Diagnostic).code == .invalidParameterFile && ($0 as! Diagnostic).location?.line == 1 }
    }

    @Test func everyCorpusTemplateCollects() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpus/cloudformation").standardized.path
        let set = try TemplateSet.collect([corpus])
        #expect(set.templates.count > 150)
        #expect(set.templates.count + set.skipped.count == 210)
        #expect(set.templates.allSatisfy { !$0.resources.isEmpty || !$0.notExpanded.isEmpty })
        #expect(set.templates.contains { $0.path.hasSuffix("CloudFormation/fn-foreach-ddb.yaml") }, "a template of loops only is a template")
    }

    /// Resources written only as `Fn::ForEach` loops still make a template: checked as written,
    /// with the warning that the transform would expand them, instead of skipped as not one.
    @Test func aTemplateOfLoopsOnlyIsATemplate() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.write("tables.yaml", """
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Tables:
                - Name
                - [Points, Score]
                - Table${Name}:
                    Type: AWS::DynamoDB::Table
            """)
        try fixture.write("values.yaml", "Resources:\n  Fn::Other: [1, 2]\n")
        let set = try fixture.collect(["."])
        #expect(set.templates.map(\.path) == ["tables.yaml"])
        #expect(set.templates.first?.notExpanded == ["Fn::ForEach::Tables"])
        #expect(set.skipped.map(\.path) == ["values.yaml"])
        #expect(set.warnings.contains { $0.code == .transformNotExpanded && $0.message.contains("Fn::ForEach::Tables") })
    }
}
