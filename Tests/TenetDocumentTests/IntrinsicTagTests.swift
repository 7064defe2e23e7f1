import Testing
import TenetDocument

/// Short-form tags become the long form CloudFormation itself reads.
@Suite struct IntrinsicTagTests {
    @Test func getAttSplitsAtTheFirstDot() throws {
        let document = try load("a: !GetAtt Bucket.Arn.Suffix\nb: !GetAtt Bucket\n", as: .yaml)
        #expect(document.root.value == ["a": ["Fn::GetAtt": ["Bucket", "Arn.Suffix"]], "b": ["Fn::GetAtt": ["Bucket"]]])
    }

    @Test func getAttSequenceFormIsKeptAsAList() throws {
        let document = try load("a: !GetAtt [Bucket, Arn.Suffix]\nb: !GetAtt\n  - Vpc\n  - !Ref Attribute\n", as: .yaml)
        #expect(document.root.value == [
            "a": ["Fn::GetAtt": ["Bucket", "Arn.Suffix"]],
            "b": ["Fn::GetAtt": ["Vpc", ["Ref": "Attribute"]]],
        ])
    }

    @Test func refAndConditionTakeNoPrefix() throws {
        let document = try load("a: !Ref Bucket\nb: !Condition IsProduction\n", as: .yaml)
        #expect(document.root.value == ["a": ["Ref": "Bucket"], "b": ["Condition": "IsProduction"]])
        #expect(document.warnings.isEmpty)
    }

    @Test func nestedTagsInFlowAndBlockCollections() throws {
        let text = """
            a: !Join ['', [!Ref Prefix, !GetAtt Bucket.Arn]]
            b: !If
              - IsProduction
              - !Sub '${AWS::StackName}-prod'
              - !Ref AWS::NoValue
            c: !Equals [!Ref Env, yes]

            """
        let document = try load(text, as: .yaml)
        #expect(document.root.value == [
            "a": ["Fn::Join": ["", [["Ref": "Prefix"], ["Fn::GetAtt": ["Bucket", "Arn"]]]]],
            "b": ["Fn::If": ["IsProduction", ["Fn::Sub": "${AWS::StackName}-prod"], ["Ref": "AWS::NoValue"]]],
            "c": ["Fn::Equals": [["Ref": "Env"], true]],
        ])
    }

    @Test(arguments: [
        "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not", "FindInMap", "Base64",
        "Cidr", "ImportValue", "GetAZs", "Transform", "Length", "ToJsonString", "ForEach",
    ])
    func documentedTagsTakeTheFnPrefixWithoutWarning(name: String) throws {
        let document = try load("a: !\(name) [x]\n", as: .yaml)
        #expect(document.root["a"]?.entries.map(\.key) == ["Fn::\(name)"])
        #expect(document.warnings.isEmpty)
    }

    @Test func unknownTagIsKeptWithALocatedWarning() throws {
        let document = try load("Code:\n  ZipFile: !Rain::Embed handler.py\n", as: .yaml)
        #expect(document.root.value == ["Code": ["ZipFile": ["Fn::Rain::Embed": "handler.py"]]])
        let warning = try #require(document.warnings.first)
        #expect(document.warnings.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.code == .unknownTag)
        #expect(warning.location == FileLocation(.yaml, 2, 12))
        #expect(warning.sourceLine == "  ZipFile: !Rain::Embed handler.py")
    }

    @Test func tagOnAMappingWrapsTheMapping() throws {
        let document = try load("a: !Transform\n  Name: AWS::Include\n  Parameters: {Location: s3://b/k}\n", as: .yaml)
        #expect(document.root.value == ["a": ["Fn::Transform": ["Name": "AWS::Include", "Parameters": ["Location": "s3://b/k"]]]])
    }

    /// Past a hundred, unknown tags are counted in one warning, so that warnings stay linear.
    @Test func manyUnknownTagsAreCountedNotListed() throws {
        let text = (1...1_000).map { "- !Custom \($0)" }.joined(separator: "\n") + "\n"
        let document = try load(text, as: .yaml)
        #expect(document.root.count == 1_000)
        #expect(document.root[999]?["Fn::Custom"]?.stringValue == "1000")
        #expect(document.warnings.count == 101)
        #expect(document.warnings[99].location == FileLocation(.yaml, 100, 3))
        let summary = try #require(document.warnings.last)
        #expect(summary.code == .unknownTag)
        #expect(summary.message.hasPrefix("900 more unknown intrinsic tags"))
        #expect(summary.location == FileLocation(.yaml, 101, 3))
    }
}
