import Testing
@testable import TenetDocument

/// A large file is parsed on a thread of its own, its events handed to the reader in batches; a
/// small one is parsed in line. Both must read every input alike: the same document, node for
/// node and mark for mark, and the same refusal of every broken input, wherever in the file it
/// stands — in the first batch, or thousands of batches in.
@Suite struct YAMLPipelineTests {
    private static let inLine = yamlLoader()
    private static let pipelined = yamlLoader(pipelineThreshold: 0)

    /// Many batches' worth of resources, with the short-form tags, flow collections, block
    /// scalars, anchors and merge keys a template may hold.
    private static let template: String = {
        var text = "AWSTemplateFormatVersion: \"2010-09-09\"\nDefaults: &defaults {Timeout: 30, Tracing: Active}\nResources:\n"
        for index in 0..<3_000 {
            text += """
                  Function\(index):
                    Type: AWS::Lambda::Function
                    Properties:
                      <<: *defaults
                      Role: !GetAtt Role\(index).Arn
                      Memory: \(128 << (index % 4))
                      Stage: !If [IsProduction, prod, !Ref Environment]
                      Tags: [{Key: team, Value: "platform \(index)"}, {Key: on, Value: yes}]
                      Code: |
                        def handler(event, context):
                            return \(index)
                      Custom: !Unknown\(index % 3) value

                """
        }
        return text
    }()

    @Test func aLargeTemplateLoadsAlikeEitherWay() throws {
        let source = SourceText(name: "template.yaml", bytes: Array(Self.template.utf8))
        let inLine = try Self.inLine.load(source)
        let pipelined = try Self.pipelined.load(source)
        #expect(inLine.nodeCount > 60_000)
        #expect(nodeTree(of: pipelined) == nodeTree(of: inLine))
        #expect(pipelined.warnings == inLine.warnings)
        #expect(pipelined.warnings.count == 101)
    }

    /// Broken inputs, each refused by a different part of the reading: libyaml's reader and
    /// parser, the builder's checks, and the budgets.
    private static let brokenTails = [
        "Bad: [unclosed\n",
        "Bad: {a: 1\n  b: 2\n",
        "Bad:\n\tTab: 1\n",
        "Bad: *nowhere\n",
        "Bad: &twice a\nWorse: &twice b\n",
        "Bad: !!int twelve\n",
        "Bad: 99999999999999999999\n",
        "Bad: {a: 1, a: 2}\n",
        "Bad: " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\n",
        "--- second\n",
        "Bad: \"unterminated\n",
        BadInputTests.aliasBomb.split(separator: "\n").map { "Bomb\($0)\n" }.joined(),
    ]

    @Test(arguments: brokenTails)
    func aBrokenInputIsRefusedAlikeEitherWay(tail: String) throws {
        var padding = "Padding:\n"
        for index in 0..<20_000 { padding += "  Key\(index): value \(index)\n" }
        // Early in the file, before the parser has filled a batch, and deep into it.
        for text in [tail + "Trailing:\n" + padding.dropFirst("Padding:\n".count), padding + tail] {
            let source = SourceText(name: "broken.yaml", bytes: Array(text.utf8))
            let inLine = try #require(refusal(Self.inLine, source))
            let pipelined = try #require(refusal(Self.pipelined, source))
            #expect(pipelined == inLine)
        }
    }

    @Test func invalidUTF8DeepInALargeFileIsRefusedAlike() throws {
        var bytes = Array(Self.template.utf8)
        bytes.insert(contentsOf: [0x20, 0xC3, 0x28], at: bytes.count * 3 / 4)
        let source = SourceText(name: "broken.yaml", bytes: bytes)
        let inLine = try #require(refusal(Self.inLine, source))
        #expect(inLine.code == .invalidUTF8)
        #expect(refusal(Self.pipelined, source) == inLine)
    }

    @Test func aTruncatedLargeFileIsRefusedAlike() throws {
        let bytes = Array(Self.template.utf8)
        let lineEnd = try #require(bytes[(bytes.count / 2)...].firstIndex(of: UInt8(ascii: "\n")))
        let source = SourceText(name: "broken.yaml", bytes: Array(bytes[...lineEnd]) + Array("      Flow: [a, b".utf8))
        let inLine = try #require(refusal(Self.inLine, source))
        #expect(inLine.code == .yamlSyntax)
        #expect(refusal(Self.pipelined, source) == inLine)
    }
}
