import Foundation
import Testing
import TenetDocument
@testable import TenetGuard

@Suite struct GuardFunctionTests {
    private func status(_ rules: String, _ data: String) throws -> GuardStatus? {
        try GuardFixture.statuses(rules, data)["r"]
    }

    @Test func countCountsResolvedValues() throws {
        #expect(try status("let n = count(Items[*])\nrule r { %n == 3 }", "Items: [1, 2, 3]") == .pass)
        #expect(try status("let n = count(Missing[*])\nrule r { %n == 0 }", "Items: []") == .pass)
    }

    @Test func regexReplaceKeepsOnlyTheExpandedMatches() throws {
        let rules = """
            let replaced = regex_replace(Arn, "^arn:aws:(\\w+):", "${1}/")
            rule r { %replaced == 's3/' }
            """
        #expect(try status(rules, "Arn: 'arn:aws:s3:::bucket'") == .pass)
        let unmatched = "let replaced = regex_replace(Name, '^zzz', 'x')\nrule r { %replaced == '' }"
        #expect(try status(unmatched, "Name: abc") == .pass)
    }

    @Test func substringUsesByteOffsetsAndDropsOutOfRange() throws {
        #expect(try status("let s = substring(Name, 0, 3)\nrule r { %s == 'abc' }", "Name: abcdef") == .pass)
        #expect(try status("let s = substring(Name, 2, 30)\nrule r { %s exists }", "Name: abcdef") == .skip)
    }

    @Test func caseConversionAndURLDecoding() throws {
        #expect(try status("let s = to_upper(Name)\nrule r { %s == 'ABC' }", "Name: abc") == .pass)
        #expect(try status("let s = to_lower(Name)\nrule r { %s == 'abc' }", "Name: ABC") == .pass)
        #expect(try status("let s = url_decode(Url)\nrule r { %s == 'a b/c' }", "Url: a%20b%2Fc") == .pass)
    }

    @Test func joinJoinsStringsAndStopsOnOthers() throws {
        #expect(try status("let s = join(Items[*], ',')\nrule r { %s == 'a,b' }", "Items: [a, b]") == .pass)
        #expect(GuardFixture.evaluationError("let s = join(Items[*], ',')\nrule r { %s exists }", "Items: [a, 1]")?.code == .guardEvaluation)
        #expect(GuardFixture.evaluationError("let s = join(Items, ',')\nrule r { %s exists }", "Items: [a, b]")?.code == .guardEvaluation)
    }

    @Test func jsonParseReadsJSONAndYAML() throws {
        let rules = "let p = json_parse(Policy)\nrule r { %p.Statement[0].Effect == 'Deny' }"
        #expect(try status(rules, #"Policy: '{"Statement": [{"Effect": "Deny"}]}'"#) == .pass)
        #expect(try status(rules, "Policy: \"Statement:\\n- Effect: Deny\\n\"") == .pass)
    }

    @Test func conversions() throws {
        #expect(try status("let n = parse_int(S)\nrule r { %n == 42 }", "S: '42'") == .pass)
        #expect(try status("let n = parse_float(S)\nrule r { %n == 1.5 }", "S: '1.5'") == .pass)
        #expect(try status("let n = parse_string(S)\nrule r { %n == '7' }", "S: 7") == .pass)
        #expect(try status("let n = parse_boolean(S)\nrule r { %n == true }", "S: 'TRUE'") == .pass)
        #expect(try status("let n = parse_char(S)\nrule r { %n in r['a', 'c'] }", "S: 'b'") == .pass)
        #expect(GuardFixture.evaluationError("let n = parse_int(S)\nrule r { %n exists }", "S: ab")?.code == .guardEvaluation)
    }

    @Test func epochsAndNow() throws {
        #expect(try status("let t = parse_epoch(T)\nrule r { %t == 1700000000 }", "T: '2023-11-14T22:13:20Z'") == .pass)
        #expect(try status("let t = now()\nrule r { %t > 1700000000 }", "x: 1") == .pass)
        #expect(GuardFixture.evaluationError("let t = parse_epoch(T)\nrule r { %t exists }", "T: yesterday")?.code == .guardEvaluation)
    }

    /// `--now` reaches the evaluator, so a rule comparing dates with `now()` is reproducible.
    @Test func nowIsTheEvaluatorsClockWhenOneIsGiven() throws {
        let rules = try GuardFixture.rules("let t = now()\nrule r { %t == 1700000000 }")
        let evaluator = GuardEvaluator(now: Date(timeIntervalSince1970: 1_700_000_000.75))
        #expect(try evaluator.evaluate(rules, document: GuardFixture.document("x: 1")).rules.first?.status == .pass)
    }

    @Test func functionsOnTheRightHandSide() throws {
        #expect(try status("rule r { Count == count(Items[*]) }", "Count: 2\nItems: [a, b]") == .pass)
    }

    @Test func regexesUseRustSyntaxThroughICU() throws {
        #expect(try status("rule r { Name == /(?<!foo)bar/ }", "Name: xbar") == .pass)
        #expect(try status("rule r { Name == /(?<!foo)bar/ }", "Name: foobar") == .fail)
        #expect(try status("rule r { Name == /(?P<c>a)(?P=c)/ }", "Name: aa") == .pass)
        #expect(try status("rule r { Name == /{{resolve:.*}}/ }", "Name: '{{resolve:ssm}}'") == .pass)
    }

    /// The shape of cfn-guard's `advanced_regex_negative_lookbehind` fixture: look-behind and
    /// look-ahead around a character class that holds an escaped slash, as top-level clauses.
    @Test func lookAroundWithEscapedSlashesInClasses() throws {
        let rules = #"""
            KeyId != /(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9])/
            Secret != /(?<![A-Za-z0-9\/+=])[A-Za-z0-9\/+=]{40}(?![A-Za-z0-9\/+=])/
            """#
        let leaked = "KeyId: ABCDEFGHIJ0123456789\nSecret: abcdefghij/ABCDEFGHIJ+0123456789abcdefgh\n"
        let clean = "KeyId: short\nSecret: not-a-secret\n"
        #expect(try GuardFixture.statuses(rules, leaked)["default"] == .fail)
        #expect(try GuardFixture.statuses(rules, clean)["default"] == .pass)
        #expect(try GuardFixture.statuses(rules, "KeyId: ABCDEFGHIJ0123456789X\nSecret: x\n")["default"] == .pass)
    }
}
