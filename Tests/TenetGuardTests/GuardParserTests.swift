import Testing
import TenetDocument
@testable import TenetGuard

@Suite struct GuardParserTests {
    @Test func topLevelClausesFormTheDefaultRuleFirst() throws {
        let file = try GuardFixture.rules("""
            let buckets = Resources.*[ Type == 'AWS::S3::Bucket' ]
            rule named when %buckets !empty { %buckets.Properties exists }
            Resources exists
            """)
        #expect(file.rules.map(\.name) == ["default", "named"])
        #expect(file.bindings.map(\.name) == ["buckets"])
        #expect(file.rules[1].conditions?.count == 1)
    }

    @Test func commentOnlyFilesHaveNoRules() throws {
        #expect(try GuardFixture.rules("# Config Rule Name : x\n\n# nothing else\n").isEmpty)
    }

    @Test func queriesParseIntoTypedParts() throws {
        let file = try GuardFixture.rules("rule r { some Resources.*.Properties.'aws:x'[0][*][-2].%keys exists }")
        guard case .access(let clause) = file.rules[0].body.conjunction[0][0] else {
            Issue.record("expected an access clause")
            return
        }
        #expect(!clause.query.matchAll)
        let described = clause.query.parts.map(\.description)
        #expect(described == [".Resources", ".*", ".Properties", ".aws:x", "[0]", "[*]", "[2]", ".%keys"])
        guard case .unary(.exists, negated: false) = clause.comparison else {
            Issue.record("expected exists")
            return
        }
    }

    @Test func filtersCapturesAndKeyFilters() throws {
        let file = try GuardFixture.rules("""
            rule r {
              Resources[ name | Type == 'A' ].Properties exists
              Resources[ keys == /^Bucket/ ] exists
              Tags[ tag ] exists
            }
            """)
        let parts = file.rules[0].body.conjunction.compactMap { disjunction -> [QueryPart]? in
            if case .access(let clause) = disjunction[0] { return clause.query.parts }
            return nil
        }
        guard case .filter(capture: "name", let body) = parts[0][1], body.count == 1 else {
            Issue.record("expected a capturing filter")
            return
        }
        guard case .mapKeyFilter(.equal, negated: false, .literal(.regex)) = parts[1][1] else {
            Issue.record("expected a key filter")
            return
        }
        guard case .allValues(capture: "tag") = parts[2][1] else {
            Issue.record("expected a capture")
            return
        }
    }

    @Test func operatorsAndNegations() throws {
        let file = try GuardFixture.rules("""
            rule r {
              a != 1
              b not in [1, 2]
              c !in [3]
              d NOT EXISTS
              not e exists
              f is_string
              g !is_list
            }
            """)
        let spellings = file.rules[0].body.conjunction.map { disjunction -> String in
            guard case .access(let clause) = disjunction[0] else { return "?" }
            return (clause.leadingNot ? "leading-not " : "") + clause.comparison.spelling
        }
        #expect(spellings == ["!=", "not in", "not in", "not exists", "leading-not exists", "is_string", "not is_list"])
    }

    @Test func disjunctionsJoinWithEveryOrSpelling() throws {
        let file = try GuardFixture.rules("rule r {\n a exists or b exists OR c exists |OR| d exists\n e exists\n}")
        #expect(file.rules[0].body.conjunction.map(\.count) == [4, 1])
    }

    @Test func literalsOfEveryKind() throws {
        let file = try GuardFixture.rules("""
            let a = [1, 2.5, 'x', true, null, /re/, {k: 'v', "q k": [1]}]
            let b = r[1, 5)
            let c = r(0.5, 1.5]
            """)
        guard case .literal(.list(let values)) = file.bindings[0].value else {
            Issue.record("expected a list literal")
            return
        }
        #expect(values.count == 7)
        #expect(values[0] == .int(1) && values[1] == .float(2.5) && values[2] == .string("x") && values[4] == .null)
        guard case .literal(.range(let range)) = file.bindings[1].value else {
            Issue.record("expected a range")
            return
        }
        #expect(range.bounds == .int(1, 5) && range.includesLower && !range.includesUpper)
        guard case .literal(.range(let floats)) = file.bindings[2].value else {
            Issue.record("expected a range")
            return
        }
        #expect(floats.bounds == .float(0.5, 1.5) && !floats.includesLower && floats.includesUpper)
    }

    @Test func ruleReferencesNeedTheirOwnLine() throws {
        let file = try GuardFixture.rules("rule a { b\n not c\n}\nrule b { x exists }\nrule c { y exists }")
        let references = file.rules[0].body.conjunction.compactMap { disjunction -> String? in
            if case .ruleReference(let reference) = disjunction[0] { return (reference.negated ? "!" : "") + reference.name }
            return nil
        }
        #expect(references == ["b", "!c"])
    }

    @Test func parameterizedRulesAndCalls() throws {
        let file = try GuardFixture.rules("""
            rule check(value, limit) { %value <= %limit }
            rule r { check(Properties.Size, 10) }
            """)
        #expect(file.parameterizedRules.map(\.parameters) == [["value", "limit"]])
        guard case .parameterizedCall(let call) = file.rules[0].body.conjunction[0][0] else {
            Issue.record("expected a call")
            return
        }
        #expect(call.name == "check" && call.arguments.count == 2)
    }

    @Test func functionArityIsCheckedWhenParsing() {
        let error = GuardFixture.parseError("let x = join(a)")
        #expect(error?.code == .guardSyntax)
        #expect(error?.message.contains("join takes 2 arguments") == true)
    }

    @Test func errorsSayWhatWasExpectedWhere() {
        let error = GuardFixture.parseError("rule r {\n  Properties.X ===\n}")
        #expect(error?.location == FileLocation(file: "rules.guard", line: 2, column: 18))
        #expect(error?.sourceLine == "  Properties.X ===")
        #expect(error?.message.hasPrefix("expected a query") == true)
    }

    @Test func anErrorAtTheEndOfTheFilePointsAfterTheLastToken() {
        let error = GuardFixture.parseError("rule r { a ==\n\n")
        #expect(error?.location == FileLocation(file: "rules.guard", line: 1, column: 14))
        #expect(error?.sourceLine == "rule r { a ==")
    }

    @Test(arguments: [
        "rule r { a exists and b exists }",
        "rule r { a Exists }",
        "let _x = 1",
        "rule r { }",
        "rule r { a == /(/ }",
        "rule r { a == [1, 2 }",
        "rule r(a) when b exists { c exists }",
    ])
    func malformedRulesAreRefused(_ text: String) {
        #expect(GuardFixture.parseError(text) != nil)
    }

    @Test func nestingIsBounded() {
        let deep = "rule r { " + String(repeating: "a { ", count: 200) + "b exists" + String(repeating: " }", count: 200) + " }"
        #expect(GuardFixture.parseError(deep)?.code == .guardNesting)
        let deepList = "let x = " + String(repeating: "[", count: 500)
        #expect(GuardFixture.parseError(deepList)?.code == .guardNesting)
    }

    @Test func clauseSpansQuoteTheirSource() throws {
        let file = try GuardFixture.rules("rule r {\n    Properties.Encrypted == true <<encrypt>>\n}")
        let span = file.rules[0].body.conjunction[0][0].span
        #expect(span.start == SourceLocation(line: 2, column: 5))
        #expect(span.text == "Properties.Encrypted == true <<encrypt>>")
    }
}
