import Testing
import TenetDocument

/// Every node knows where it came from; reports and diagnostics point people there, so the line
/// and column must be exact, not nearly right.
@Suite struct LocationTests {
    static let template = """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: &name logs
              Tags:
                - Key: env
                  Value: !Ref Environment
              Alias: *name

        """

    @Test func yamlKeyScalarListItemTaggedValueAndAlias() throws {
        let root = try load(Self.template, as: .yaml).root
        let bucket = try #require(root["Resources"]?["Bucket"])
        #expect(bucket.keyLocation == SourceLocation(line: 2, column: 3))
        #expect(bucket["Type"]?.location == SourceLocation(line: 3, column: 11))

        let tag = try #require(bucket.at(JSONPointer(parsing: "/Properties/Tags/0")!))
        #expect(tag.location == SourceLocation(line: 7, column: 11))
        #expect(tag["Key"]?.location == SourceLocation(line: 7, column: 16))

        let tagged = try #require(tag["Value"])
        #expect(tagged.location == SourceLocation(line: 8, column: 18))
        #expect(tagged["Ref"]?.stringValue == "Environment")
        #expect(tagged.keyLocation == SourceLocation(line: 8, column: 11))

        // Through an alias: the value is where the anchored node stands (its anchor included, as
        // cfn-lint reports it), the key and the path are the alias's own.
        let alias = try #require(bucket["Properties"]?["Alias"])
        #expect(alias.stringValue == "logs")
        #expect(alias.location == SourceLocation(line: 5, column: 19))
        #expect(alias.keyLocation == SourceLocation(line: 9, column: 7))
        #expect(alias.path.description == "/Resources/Bucket/Properties/Alias")
        #expect(alias.fileLocation == FileLocation(.yaml, 5, 19))
    }

    @Test func yamlEndLocationIsExclusive() throws {
        let root = try load("name: logs\nlist: [a, b]\n", as: .yaml).root
        #expect(root["name"]?.endLocation == SourceLocation(line: 1, column: 11))
        #expect(root["list"]?.endLocation == SourceLocation(line: 2, column: 13))
    }

    /// JSON columns count Unicode scalars, as libyaml's do, whatever the UTF-8 length.
    @Test func jsonColumnsCountUnicodeScalars() throws {
        let text = "{\"Résumé\": {\"naïve\": [1, \"😀\", {\"k\": true}]},\n \"x~/y\": null}\n"
        let root = try load(text, as: .json).root
        let resume = try #require(root["Résumé"])
        #expect(resume.location == SourceLocation(line: 1, column: 12))
        #expect(resume.keyLocation == SourceLocation(line: 1, column: 2))
        #expect(resume["naïve"]?.location == SourceLocation(line: 1, column: 22))
        #expect(resume["naïve"]?[1]?.location == SourceLocation(line: 1, column: 26))
        let object = try #require(resume["naïve"]?[2])
        #expect(object.location == SourceLocation(line: 1, column: 31))
        #expect(object["k"]?.location == SourceLocation(line: 1, column: 37))
        #expect(object["k"]?.keyLocation == SourceLocation(line: 1, column: 32))
        #expect(object.endLocation == SourceLocation(line: 1, column: 42))

        let escaped = try #require(root["x~/y"])
        #expect(escaped.location == SourceLocation(line: 2, column: 10))
        #expect(escaped.keyLocation == SourceLocation(line: 2, column: 2))
        #expect(escaped.path.description == "/x~0~1y")
    }

    @Test func yamlColumnsCountUnicodeScalarsToo() throws {
        let root = try load("naïve: [😀, x]\n", as: .yaml).root
        #expect(root["naïve"]?[1]?.location == SourceLocation(line: 1, column: 12))
    }
}
