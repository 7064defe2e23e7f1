import Testing
import TenetDocument
@testable import TenetGuard

@Suite struct GuardLexerTests {
    private func kinds(_ text: String) throws -> [GuardToken.Kind] {
        var lexer = GuardLexer(source: SourceText(name: "t.guard", bytes: Array(text.utf8)))
        var kinds: [GuardToken.Kind] = []
        while true {
            let token = try lexer.next()
            if token.kind == .end { return kinds }
            kinds.append(token.kind)
        }
    }

    @Test func scansWordsTypesAndSymbols() throws {
        #expect(try kinds("AWS::S3::Bucket when %x !empty {") == [
            .word("AWS::S3::Bucket"), .word("when"), .symbol(.percent), .word("x"), .symbol(.bang), .word("empty"), .symbol(.openBrace),
        ])
        #expect(try kinds("a != b <= c |OR| d := e") == [
            .word("a"), .symbol(.notEqual), .word("b"), .symbol(.lessOrEqual), .word("c"), .symbol(.orBars), .word("d"),
            .symbol(.colonAssign), .word("e"),
        ])
    }

    @Test func stringsKeepBackslashesExceptBeforeTheDelimiter() throws {
        #expect(try kinds(#"'a\nb' "say \"hi\"""#) == [.string(#"a\nb"#), .string(#"say "hi""#)])
    }

    @Test func regexesUnescapeOnlySlashes() throws {
        #expect(try kinds(#"/arn:aws:s3:::\/x\d+/"#) == [.regex(#"arn:aws:s3:::/x\d+"#)])
    }

    @Test func numbersDistinguishIntsAndFloats() throws {
        #expect(try kinds("-12 3.5 1e+5 2.5E-3") == [.int(-12), .float(3.5), .float(1e5), .float(2.5e-3)])
    }

    @Test func anExponentWithoutASignIsRefused() {
        #expect(throws: Diagnostic.self) { try kinds("1e5") }
    }

    @Test func anIntegerTooLargeForInt64IsRefused() {
        #expect(throws: Diagnostic.self) { try kinds("9223372036854775808") }
    }

    @Test func customMessagesSpanLinesAndCommentsAreSkipped() throws {
        #expect(try kinds("# comment\nx <<\n Violation: v\n>> # trailing") == [.word("x"), .message("\n Violation: v\n")])
    }

    @Test func tokensRecordTheWhitespaceBeforeThem() throws {
        var lexer = GuardLexer(source: SourceText(name: "t.guard", bytes: Array("a.b c\nd".utf8)))
        let tokens = try (0..<5).map { _ in try lexer.next() }
        #expect(tokens.map(\.spaceBefore) == [false, false, false, true, true])
        #expect(tokens.map(\.newlineBefore) == [false, false, false, false, true])
        #expect(tokens[4].start == SourceLocation(line: 2, column: 1))
    }

    @Test func anUnclosedStringPointsAtItsStart() throws {
        do {
            _ = try kinds("x == 'abc")
            Issue.record("expected an error")
        } catch let error as Diagnostic {
            #expect(error.code == .guardSyntax)
            #expect(error.location == FileLocation(file: "t.guard", line: 1, column: 6))
            #expect(error.sourceLine == "x == 'abc")
        }
    }
}
