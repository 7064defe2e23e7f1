import Testing
import TenetXML

/// The reader against the response shapes the AWS collector will decode, written from the shapes
/// moto 5.2 returns (`../shared/docs/aws-on-moto.md`).
@Suite struct XMLReaderTests {
    static let describeVolumesResponse = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
            <requestId>request-id</requestId>
            <volumeSet>
                <item>
                    <volumeId>vol-0a1b2c3d4e5f67890</volumeId>
                    <size>8</size>
                    <snapshotId/>
                    <availabilityZone>us-east-1a</availabilityZone>
                    <status>in-use</status>
                    <createTime>2026-11-21T02:54:38.000Z</createTime>
                    <attachmentSet>
                        <item>
                            <volumeId>vol-0a1b2c3d4e5f67890</volumeId>
                            <instanceId>i-0123456789abcdef0</instanceId>
                            <device>/dev/xvda</device>
                            <status>attached</status>
                            <attachTime>2026-11-21T02:54:38.000Z</attachTime>
                            <deleteOnTermination>true</deleteOnTermination>
                        </item>
                    </attachmentSet>
                    <tagSet>
                        <item>
                            <key>Name</key>
                            <value>data &amp; logs &lt;prod&gt;</value>
                        </item>
                    </tagSet>
                    <volumeType>gp2</volumeType>
                    <encrypted>false</encrypted>
                    <multiAttachEnabled>false</multiAttachEnabled>
                </item>
                <item>
                    <volumeId>vol-0fedcba9876543210</volumeId>
                    <size>100</size>
                    <snapshotId>snap-0123456789abcdef0</snapshotId>
                    <availabilityZone>us-east-1b</availabilityZone>
                    <status>available</status>
                    <createTime>2026-11-21T02:55:01.000Z</createTime>
                    <attachmentSet/>
                    <volumeType>gp3</volumeType>
                    <iops>3000</iops>
                    <encrypted>true</encrypted>
                    <kmsKeyId>arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab</kmsKeyId>
                    <multiAttachEnabled>false</multiAttachEnabled>
                </item>
            </volumeSet>
        </DescribeVolumesResponse>
        """

    static let listAllMyBucketsResult = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>bcaf1ffd86f41161ca5fb16fd081034f</ID><DisplayName>webfile</DisplayName></Owner><Buckets><Bucket><Name>tenet-artifacts</Name><CreationDate>2026-11-21T02:54:38.000Z</CreationDate></Bucket><Bucket><Name>tenet-logs</Name><CreationDate>2026-11-21T02:54:39.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>
        """

    /// IAM speaks the query protocol: no prolog, `<member>` lists.
    static let listUsersResponse = """
        <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <ListUsersResult>
            <Users>
              <member>
                <Path>/</Path>
                <UserName>alice</UserName>
                <UserId>AIDAEXAMPLEALICE</UserId>
                <Arn>arn:aws:iam::123456789012:user/alice</Arn>
                <CreateDate>2026-11-21T02:54:39.007309Z</CreateDate>
              </member>
              <member>
                <Path>/ops/</Path>
                <UserName>bob</UserName>
                <UserId>AIDAEXAMPLEBOB</UserId>
                <Arn>arn:aws:iam::123456789012:user/ops/bob</Arn>
                <CreateDate>2026-11-21T02:54:40.112233Z</CreateDate>
              </member>
            </Users>
            <IsTruncated>false</IsTruncated>
          </ListUsersResult>
          <ResponseMetadata>
            <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
          </ResponseMetadata>
        </ListUsersResponse>
        """

    @Test func readsEC2DescribeVolumes() throws {
        let response = try XMLReader.parse(Self.describeVolumesResponse.utf8)
        #expect(response.name == "DescribeVolumesResponse")
        #expect(response.namespaceURI == "http://ec2.amazonaws.com/doc/2016-11-15/")
        #expect(response.line == 2)
        #expect(response.text(at: "requestId") == "request-id")

        let volumes = try #require(response.child("volumeSet")).children("item")
        #expect(volumes.map { $0.text(at: "volumeId") } == ["vol-0a1b2c3d4e5f67890", "vol-0fedcba9876543210"])
        #expect(volumes.map { $0.text(at: "encrypted") } == ["false", "true"])
        #expect(volumes.map { $0.line } == [5, 32])

        let first = volumes[0]
        #expect(first.text(at: "size") == "8")
        #expect(first.text(at: "snapshotId") == "", "an empty element is present with empty text")
        #expect(first.text(at: "kmsKeyId") == nil, "an absent element is nil, not empty")
        #expect(first.text(at: "attachmentSet/item/instanceId") == "i-0123456789abcdef0")
        #expect(first.text(at: "tagSet/item/value") == "data & logs <prod>")
        #expect(first.element(at: "attachmentSet/item/deleteOnTermination")?.line == 19)
        #expect(volumes[1].child("attachmentSet")?.children.isEmpty == true)
        #expect(volumes[1].text(at: "kmsKeyId")?.hasPrefix("arn:aws:kms:us-east-1:123456789012:key/") == true)
        #expect(response.text(at: "volumeSet/item/attachmentSet/item/volumeId") == "vol-0a1b2c3d4e5f67890")
        #expect(response.element(at: "") == response)
    }

    @Test func readsS3ListAllMyBucketsInItsDefaultNamespace() throws {
        let result = try XMLReader.parse(Self.listAllMyBucketsResult.utf8)
        let s3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/"
        #expect(result.name == "ListAllMyBucketsResult")
        #expect(result.namespaceURI == s3Namespace)
        #expect(result.text(at: "Owner/DisplayName") == "webfile")

        let buckets = try #require(result.child("Buckets")).children("Bucket")
        #expect(buckets.map { $0.text(at: "Name") } == ["tenet-artifacts", "tenet-logs"])
        #expect(buckets.map { $0.text(at: "CreationDate") } == ["2026-11-21T02:54:38.000Z", "2026-11-21T02:54:39.000Z"])
        #expect(buckets.allSatisfy { $0.namespaceURI == s3Namespace && $0.child("Name")?.namespaceURI == s3Namespace })
    }

    @Test func readsIAMQueryResponseWithoutProlog() throws {
        let response = try XMLReader.parse(Self.listUsersResponse.utf8)
        let users = try #require(response.element(at: "ListUsersResult/Users")).children("member")
        #expect(users.map { $0.text(at: "UserName") } == ["alice", "bob"])
        #expect(users.map { $0.text(at: "Path") } == ["/", "/ops/"])
        #expect(response.text(at: "ListUsersResult/IsTruncated") == "false")
        #expect(response.text(at: "ResponseMetadata/RequestId") == "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE")
    }

    @Test func keepsAttributesPrefixesAndCDATA() throws {
        let document = """
            <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <Grantee xsi:type="CanonicalUser" id="7"><ID>owner</ID></Grantee>
              <Note>before <![CDATA[<raw & "kept">]]> after</Note>
            </AccessControlPolicy>
            """
        let policy = try XMLReader.parse(Array(document.utf8))
        let grantee = try #require(policy.child("Grantee"))
        #expect(grantee.attributes == [
            XMLElement.Attribute(name: "type", namespaceURI: "http://www.w3.org/2001/XMLSchema-instance", value: "CanonicalUser"),
            XMLElement.Attribute(name: "id", value: "7"),
        ], "xmlns declarations are not attributes; prefixes are stripped, namespaces kept")
        #expect(grantee.attribute("type") == "CanonicalUser")
        #expect(grantee.attribute("missing") == nil)
        #expect(policy.text(at: "Note") == #"before <raw & "kept"> after"#)
    }

    @Test func containerTextIsOnlyItsOwnCharacterData() throws {
        let element = try XMLReader.parse("<a>x<b>inner</b>y</a>".utf8)
        #expect(element.text == "xy")
        #expect(element.text(at: "b") == "inner")
    }

    @Test func readsTheEncodingTheDeclarationNames() throws {
        let latin1: [UInt8] = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><a>caf"#.utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try XMLReader.parse(latin1).text == "café")
    }

    struct MalformedCase: Sendable, CustomTestStringConvertible {
        let document: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { message }
    }

    /// Positions are libxml2's: where it stopped reading, which for a tag is just past it.
    static let malformedCases: [MalformedCase] = [
        MalformedCase(document: "<a>\n  <b></a>", line: 2, column: 10, message: "Opening and ending tag mismatch: b line 2 and a"),
        MalformedCase(document: "<a>\n  <b>", line: 2, column: 6, message: "Premature end of data in tag b line 2"),
        MalformedCase(document: "<a>\n<b x='1' x='2'/></a>", line: 2, column: 15, message: "Attribute x redefined"),
        MalformedCase(document: "<a>\n\n<b>\u{1}</b></a>", line: 3, column: 4, message: "PCDATA invalid Char value 1"),
        MalformedCase(document: "<a>&undeclared;</a>", line: 1, column: 16, message: "Entity 'undeclared' not defined"),
        MalformedCase(document: "<a></a>\n<b/>", line: 2, column: 1, message: "Extra content at the end of the document"),
        MalformedCase(document: "<a>\n  <b c=d/></a>", line: 2, column: 8, message: "AttValue: \" or ' expected"),
        MalformedCase(document: "  \n ", line: 2, column: 2, message: "Start tag expected, '<' not found"),
        MalformedCase(document: "", line: 1, column: 1, message: "Document is empty"),
    ]

    @Test(arguments: malformedCases)
    func malformedInputIsALocatedError(_ malformed: MalformedCase) {
        #expect(throws: XMLParseError(line: malformed.line, column: malformed.column, message: malformed.message)) {
            try XMLReader.parse(malformed.document.utf8)
        }
    }

    @Test func invalidUTF8IsALocatedError() {
        let bytes: [UInt8] = Array("<a>\nok".utf8) + [0xC3, 0x28] + Array("</a>".utf8)
        #expect {
            try XMLReader.parse(bytes)
        } throws: { error in
            let error = try #require(error as? XMLParseError)
            return error.line == 2 && error.message.contains("not proper UTF-8")
        }
    }
}
