import Testing
import TenetXML

@Suite struct XMLWriterTests {
    @Test func writesAnIndentedUTF8Document() {
        let writer = XMLWriter()
        writer.element("testsuites", attributes: ["name": "tenet", "tests": "2"]) {
            writer.element("testsuite", attributes: ["name": "pack"]) {
                writer.element("testcase", attributes: ["name": "S3_BUCKET_ENCRYPTED Logs"])
                writer.element("system-out") { writer.text("checked") }
            }
        }
        #expect(String(decoding: writer.finish(), as: UTF8.self) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="tenet" tests="2">
              <testsuite name="pack">
                <testcase name="S3_BUCKET_ENCRYPTED Logs"/>
                <system-out>checked</system-out>
              </testsuite>
            </testsuites>

            """)
    }

    /// A report taken in pieces as it is written must be the document written whole.
    @Test func bytesTakenAsTheyAreWrittenMakeTheWholeDocument() {
        func write(_ writer: XMLWriter, afterEachCase: () -> Void) {
            writer.element("testsuites", attributes: ["name": "tenet"]) {
                for number in 0..<2_000 {
                    writer.element("testcase", attributes: ["name": "case \(number)"]) {
                        writer.element("failure", attributes: ["message": "m"]) { writer.cdata("details of \(number)\n  line two") }
                    }
                    afterEachCase()
                }
            }
        }
        let whole = XMLWriter()
        write(whole) {}
        let expected = whole.finish()

        let streamed = XMLWriter()
        var pieces: [[UInt8]] = []
        write(streamed) {
            if streamed.pendingByteCount >= 10_000 { pieces.append(streamed.takeWritten()) }
        }
        pieces.append(streamed.finish())
        #expect(pieces.count > 5)
        #expect(pieces.allSatisfy { !$0.isEmpty })
        #expect(pieces.flatMap { $0 } == expected)
    }

    @Test func roundTripsThroughTheReader() throws {
        let writer = XMLWriter()
        writer.startElement("report")
        writer.attribute("xmlns", "urn:tenet:report")
        writer.attribute("version", "1")
        writer.startElement("finding")
        writer.attribute("rule", "IAM_NO_WILDCARD")
        writer.text("Policy allows iam:*")
        writer.endElement()
        writer.element("finding", attributes: ["rule": "EBS_ENCRYPTED"]) { writer.cdata("vol-1\nvol-2") }
        writer.element("empty")
        writer.endElement()

        let report = try XMLReader.parse(writer.finish())
        #expect(report.name == "report")
        #expect(report.namespaceURI == "urn:tenet:report")
        #expect(report.attributes == [XMLElement.Attribute(name: "version", value: "1")])
        #expect(report.children.map(\.name) == ["finding", "finding", "empty"])
        #expect(report.children("finding").map { $0.attribute("rule") } == ["IAM_NO_WILDCARD", "EBS_ENCRYPTED"])
        #expect(report.children("finding").map(\.text) == ["Policy allows iam:*", "vol-1\nvol-2"])
        #expect(report.children.allSatisfy { $0.namespaceURI == "urn:tenet:report" })
        #expect(report.children.map(\.line) == [3, 4, 6])
    }

    @Test func escapesMarkupCharactersInTextAndAttributes() throws {
        let hostile = #"<&>"' ]]> </testcase>"#
        let writer = XMLWriter()
        writer.element("failure", attributes: ["message": hostile]) { writer.text(hostile) }
        let bytes = writer.finish()

        #expect(String(decoding: bytes, as: UTF8.self).contains(
            #"<failure message="&lt;&amp;&gt;&quot;' ]]&gt; &lt;/testcase&gt;">&lt;&amp;&gt;&quot;' ]]&gt; &lt;/testcase&gt;</failure>"#))
        let failure = try XMLReader.parse(bytes)
        #expect(failure.attribute("message") == hostile)
        #expect(failure.text == hostile)
    }

    @Test func keepsWhitespaceInAttributesExactly() throws {
        let message = "line one\nline two\r\n\tindented"
        let writer = XMLWriter()
        writer.element("failure", attributes: ["message": message]) { writer.text(message) }
        let failure = try XMLReader.parse(writer.finish())
        #expect(failure.attribute("message") == message, "newlines and tabs survive attribute normalisation")
        #expect(failure.text == message)
    }

    /// Characters XML 1.0 cannot carry become U+FFFD; everything else, DEL and astral planes
    /// included, is kept.
    @Test func replacesCharactersXML10CannotCarry() throws {
        let original = "nul\u{0} bell\u{7} escape\u{1B}[31mred\u{1B}[0m del\u{7F} nonchar\u{FFFE}\u{FFFF} emoji🙂 tab\t"
        let expected = "nul\u{FFFD} bell\u{FFFD} escape\u{FFFD}[31mred\u{FFFD}[0m del\u{7F} nonchar\u{FFFD}\u{FFFD} emoji🙂 tab\t"
        let writer = XMLWriter()
        writer.element("case", attributes: ["message": original]) {
            writer.element("text") { writer.text(original) }
            writer.element("cdata") { writer.cdata(original) }
        }
        let bytes = writer.finish()

        #expect(!bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        let element = try XMLReader.parse(bytes)
        #expect(element.attribute("message") == expected)
        #expect(element.text(at: "text") == expected)
        #expect(element.text(at: "cdata") == expected)
    }

    @Test func cdataSplitsTheTerminatorAndRoundTrips() throws {
        let detail = "expected ]]> to stay\n<Resources>&amp;</Resources>]]>"
        let writer = XMLWriter()
        writer.element("failure") { writer.cdata(detail) }
        let bytes = writer.finish()

        #expect(String(decoding: bytes, as: UTF8.self).contains(
            "<failure><![CDATA[expected ]]]]><![CDATA[> to stay\n<Resources>&amp;</Resources>]]]]><![CDATA[>]]></failure>"))
        #expect(try XMLReader.parse(bytes).text == detail)
    }

    @Test func finishingWithAnOpenElementIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            let writer = XMLWriter()
            writer.startElement("testsuites")
            _ = writer.finish()
        }
    }

    @Test func anInvalidElementNameIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            XMLWriter().startElement("test case")
        }
    }
}
