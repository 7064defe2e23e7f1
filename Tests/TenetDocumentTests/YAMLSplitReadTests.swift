import Foundation
import TenetTestServers
import Testing
@testable import TenetDocument

/// A large template's `Resources` block is read in runs of entries on all cores. The document
/// must be the one a whole reading gives — every node, value and mark — and whatever the cut
/// cannot vouch for (a value spanning the cut, anchors, warnings, errors) must come out as the
/// whole reading has it.
@Suite struct YAMLSplitReadTests {
    private static let whole = yamlLoader()
    /// Every file split, into runs of as few entries as possible: each entry boundary is a cut.
    private static let split = yamlLoader(splitThreshold: 0)

    /// What a template's resources hold: short-form tags, flow collections, block scalars that
    /// end an entry (kept trailing lines, too), comments at every indentation between entries,
    /// quoted keys, and sections after `Resources`.
    private static func template(resources: Int, lineBreak: String = "\n", finalBreak: Bool = true, outputs: Bool = true) -> String {
        var text = "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Stage: {Type: String}\nResources: # the stack\n\n"
        for index in 0..<resources {
            text += """
                  Function\(index):
                    Type: AWS::Lambda::Function
                    Properties:
                      Role: !GetAtt Role\(index).Arn
                      Memory: \(128 << (index % 4))
                      Stage: !If [IsProduction, prod, !Ref Stage]
                      Tags: [{Key: team, Value: "platform \(index)"}, {Key: on, Value: yes}]
                      Nested:
                        Deeper:
                          - {A: 1}
                          - B: [x, y]
                # a comment at column 0 between entries
                  "Quoted\(index)":
                    Type: AWS::S3::Bucket
                    Properties:
                      Code: |\(index % 2 == 0 ? "+" : "")
                        def handler(event, context):
                            return \(index)

                    # an indented comment

                """
        }
        if outputs {
            text += "Outputs:\n  Name: {Value: !Ref Function0}\n"
        } else {
            text += "  Last:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: last"
        }
        if finalBreak { text += "\n" }
        return text.replacingOccurrences(of: "\n", with: lineBreak)
    }

    @Test(arguments: [
        template(resources: 200),
        template(resources: 200, outputs: false),
        template(resources: 200, finalBreak: false, outputs: false),
        template(resources: 50, lineBreak: "\r\n"),
    ])
    func aTemplateReadInRunsIsTheDocumentReadWhole(text: String) throws {
        let source = SourceText(name: "template.yaml", bytes: Array(text.utf8))
        let runs = try #require(SplitTemplateRead(source: source, limits: .default, runBytes: 1).document(), "the template is read in runs")
        let whole = try Self.whole.load(source)
        #expect(nodeTree(of: runs) == nodeTree(of: whole))
        #expect(nodeTree(of: runs).count > 1_500)
        #expect(entriesMissedByKeyID(in: runs).isEmpty)
    }

    /// Inputs a reading in runs cannot vouch for: it gives up, and the whole reading answers.
    private static let unsplittable = [
        // A flow sequence and a quoted scalar spanning lines that look like entries.
        "  Flow: [a,\n  NotAnEntry: b]\n",
        "  Quoted: \"first\n  NotAnEntry: second\"\n",
        // An alias across runs, and an anchor.
        "  Aliased: *head\n",
        "  Anchored: &mine {A: 1}\n  User: *mine\n",
        // Warnings are counted across the file.
        "  Tagged: !Unknown value\n",
    ]

    @Test(arguments: unsplittable)
    func whatRunsCannotVouchForIsReadWhole(entries: String) throws {
        let text = "Head: &head {A: 1}\nResources:\n  First: {Type: A}\n" + entries + "  Last: {Type: B}\nOutputs: {}\n"
        let source = SourceText(name: "template.yaml", bytes: Array(text.utf8))
        #expect(SplitTemplateRead(source: source, limits: .default, runBytes: 1).document() == nil)
        let split = try Self.split.load(source)
        let whole = try Self.whole.load(source)
        #expect(nodeTree(of: split) == nodeTree(of: whole))
        #expect(split.warnings == whole.warnings)
    }

    /// Broken entries, each refused by a different part of the reading, in the first run and in
    /// a later one, and keys repeated across runs.
    @Test(arguments: [
        "  Bad: [unclosed\n",
        "  Bad:\n\tTab: 1\n",
        "  Bad: *nowhere\n",
        "  Bad: !!int twelve\n",
        "  Bad: " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\n",
        "  Function3: {Type: Again}\n",
        "--- second\n",
    ])
    func aBrokenEntryIsRefusedAsWhenReadWhole(entry: String) throws {
        let body = Self.template(resources: 20)
        let resources = try #require(body.range(of: "Resources: # the stack\n\n"))
        for text in [body.replacingCharacters(in: resources, with: "Resources:\n" + entry), body.replacingOccurrences(of: "Outputs:", with: entry + "Outputs:")] {
            let source = SourceText(name: "broken.yaml", bytes: Array(text.utf8))
            let whole = try #require(refusal(Self.whole, source))
            #expect(refusal(Self.split, source) == whole)
        }
    }

    /// Every YAML template of the shared corpus, cut at every entry, reads as it does whole.
    @Test func theCorpusReadsAlikeInRuns() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpus/cloudformation").standardized
        let files = try #require(FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)?.allObjects as? [URL])
            .filter { ["yaml", "yml", "template"].contains($0.pathExtension) }
        #expect(files.count > 50)
        var readInRuns = 0
        for file in files {
            let source = SourceText(name: file.path, bytes: Array(try Data(contentsOf: file)))
            if SplitTemplateRead(source: source, limits: .default, runBytes: 1).document() != nil { readInRuns += 1 }
            switch (Result { () throws(Diagnostic) in try Self.whole.load(source) }, Result { () throws(Diagnostic) in try Self.split.load(source) }) {
            case (.success(let whole), .success(let split)):
                #expect(nodeTree(of: split) == nodeTree(of: whole), "\(file.lastPathComponent)")
                #expect(entriesMissedByKeyID(in: split).isEmpty, "\(file.lastPathComponent)")
            case (.failure(let whole), .failure(let split)):
                #expect(split == whole, "\(file.lastPathComponent)")
            default:
                Issue.record("\(file.lastPathComponent) is read one way and refused the other")
            }
        }
        #expect(readInRuns > files.count / 2)
    }

    /// A template mangled at random — bytes that open and close YAML's structures dropped in
    /// anywhere — reads, or is refused, alike either way.
    @Test func aMangledTemplateReadsAlikeEitherWay() {
        var generator = SeededGenerator(seed: 0x7E4E7)
        let pristine = Array(Self.template(resources: 12).utf8)
        let structural = Array(" \n:-[]{},\"'#&*!|>\t%?".utf8)
        for _ in 0..<300 {
            var bytes = pristine
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                let byte = structural.randomElement(using: &generator)!
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.insert(byte, at: position)
                case 1: bytes.remove(at: position)
                default: bytes[position] = byte
                }
            }
            let source = SourceText(name: "mangled.yaml", bytes: bytes)
            switch (Result { () throws(Diagnostic) in try Self.whole.load(source) }, Result { () throws(Diagnostic) in try Self.split.load(source) }) {
            case (.success(let whole), .success(let split)):
                #expect(nodeTree(of: split) == nodeTree(of: whole), "\(String(decoding: bytes, as: UTF8.self))")
            case (.failure(let whole), .failure(let split)):
                #expect(split == whole)
            default:
                Issue.record("read one way and refused the other: \(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}
