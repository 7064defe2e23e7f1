import TenetDocument
import TenetInventory
import TenetTemplates
import Testing

@Suite struct IntrinsicResolutionTests {
    private static let template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Env:
            Type: String
            Default: prod
          KeyArn:
            Type: String
          DbPassword:
            Type: String
            NoEcho: true
            Default: hunter2-default
          Subnets:
            Type: CommaDelimitedList
            Default: "subnet-a, subnet-b"
        Mappings:
          Sizes:
            prod: {Instance: m5.large}
            dev: {Instance: t3.micro}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          NotProd: !Not [!Condition IsProd]
          HasKey: !Not [!Equals [!Ref KeyArn, ""]]
          ProdAndKey: !And [!Condition IsProd, !Condition HasKey]
        Resources:
          Key:
            Type: AWS::KMS::Key
          Bucket:
            Type: AWS::S3::Bucket
            DependsOn: Key
            Properties:
              BucketName: !Sub "${Env}-logs-${AWS::Region}"
              Versioning: !If [IsProd, {Status: Enabled}, !Ref AWS::NoValue]
              Lifecycle: !If [NotProd, short, long]
              Size: !FindInMap [Sizes, !Ref Env, Instance]
              Joined: !Join ["-", [a, !Ref Env, !Select [1, !Ref Subnets]]]
              FirstSubnet: !Select [0, !Ref Subnets]
              Split: !Split [",", "x,y"]
              KeyId: !Ref KeyArn
              KeyRef: !GetAtt Key.Arn
              Guarded: !If [ProdAndKey, guarded, open]
              Account: !Ref AWS::AccountId
              MasterUserPassword: !Ref DbPassword
              PasswordInSub: !Sub "pw=${DbPassword}"
              ClientSecret: plain-text-secret
              DynamicPassword: "{{resolve:secretsmanager:db:SecretString:password}}"
              Tags:
                - {Key: Env, Value: !Ref Env}
                - {Key: Owner, Value: data-team}
        """

    @Test func templateDecidedValuesAreResolvedAndTheRestKeptWithTheirDependency() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let collected = try fixture.template(Self.template, inputs: TemplateInputs(region: "eu-west-1"))
        let bucket = try #require(collected.resource(logicalID: "Bucket"))
        let properties = bucket.properties.value

        #expect(properties["BucketName"] == "prod-logs-eu-west-1")
        #expect(properties["Versioning"] == ["Status": "Enabled"])
        #expect(properties["Lifecycle"] == "long")
        #expect(properties["Size"] == "m5.large")
        #expect(properties["Joined"] == "a-prod-subnet-b")
        #expect(properties["FirstSubnet"] == "subnet-a")
        #expect(properties["Split"] == ["x", "y"])
        #expect(properties["KeyId"] == ["Ref": "KeyArn"])
        #expect(properties["KeyRef"] == ["Fn::GetAtt": ["Key", "Arn"]])
        #expect(properties["Guarded"] == ["Fn::If": ["ProdAndKey", "guarded", "open"]])
        #expect(properties["Account"] == ["Ref": "AWS::AccountId"])
        #expect(bucket.tags == ["Env": "prod", "Owner": "data-team"])

        let unresolved = Dictionary(uniqueKeysWithValues: bucket.unresolved.map { ($0.path.description, $0.dependsOn) })
        #expect(unresolved["/KeyId"] == "parameter KeyArn (no value given)")
        #expect(unresolved["/KeyRef"] == "resource Key attribute Arn")
        #expect(unresolved["/Guarded"] == "condition ProdAndKey")
        #expect(unresolved["/Account"] == "pseudo parameter AWS::AccountId (give --account)")
        #expect(bucket.relationships == [ResourceRelationship(.references, .template(path: collected.path, logicalID: "Key"))])
    }

    @Test func givenParametersOverrideDefaultsAndDecideConditions() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let collected = try fixture.template(
            Self.template, inputs: TemplateInputs(parameterValues: ["Env": "dev", "KeyArn": "arn:aws:kms:eu-west-1:111122223333:key/k"], account: "111122223333"))
        let properties = try #require(collected.resource(logicalID: "Bucket")).properties.value
        #expect(properties["Versioning"] == nil)
        #expect(properties["Lifecycle"] == "short")
        #expect(properties["Size"] == "t3.micro")
        #expect(properties["KeyId"] == "arn:aws:kms:eu-west-1:111122223333:key/k")
        #expect(properties["Guarded"] == "open")
        #expect(properties["Account"] == "111122223333")
        #expect(properties["BucketName"] == ["Fn::Sub": "${Env}-logs-${AWS::Region}"])
    }

    @Test func secretsNeverSurviveCollection() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let collected = try fixture.template(Self.template, inputs: TemplateInputs(parameterValues: ["DbPassword": "given-secret-value"]))
        let properties = try #require(collected.resource(logicalID: "Bucket")).properties.value
        #expect(properties["MasterUserPassword"] == ["Ref": "DbPassword"])
        #expect(properties["PasswordInSub"] == ["Fn::Sub": "pw=${DbPassword}"])
        #expect(properties["ClientSecret"] == .string(SecretRedaction.marker))
        #expect(properties["DynamicPassword"] == "{{resolve:secretsmanager:db:SecretString:password}}")

        var bytes: [UInt8] = []
        JSONWriter(style: .compact).write(collected.document.root, to: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        for secret in ["given-secret-value", "hunter2-default", "plain-text-secret"] {
            #expect(!text.contains(secret), "\(secret) leaked into the collected document")
        }
    }

    @Test func resolvedValuesKeepTheLocationOfTheIntrinsicTheyReplace() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let collected = try fixture.template(Self.template)
        let bucket = try #require(collected.resource(logicalID: "Bucket"))
        #expect(bucket.source == FileLocation(file: collected.path, line: 27, column: 3))
        #expect(bucket.properties["Size"]?.location == SourceLocation(line: 34, column: 13))
        #expect(bucket.properties["Tags"]?[1]?["Value"]?.location == SourceLocation(line: 48, column: 31))
    }
}
