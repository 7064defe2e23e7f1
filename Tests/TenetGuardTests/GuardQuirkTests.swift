import Testing
import TenetDocument
@testable import TenetGuard

/// cfn-guard behaviours that surprise, each matched on purpose (or deliberately not) and listed in
/// docs/guard-compatibility.md under the name of its test.
@Suite struct GuardQuirkTests {
    private func status(_ clause: String, _ data: String) throws -> GuardStatus? {
        try GuardFixture.status(clause, data)
    }

    @Test func parameterizedCallsIgnoreALeadingNot() throws {
        let rules = "rule big(v) { %v > 10 }\nrule r { not big(Size) }"
        #expect(try GuardFixture.statuses(rules, "Size: 50")["r"] == .pass)
    }

    @Test func parameterizedRecursionIsBounded() {
        let error = GuardFixture.evaluationError("rule p(a) { p(%a) }\nrule r { p(Size) }", "Size: 1")
        #expect(error?.code == .guardEvaluation)
        #expect(error?.message.contains("more than 64 levels") == true)
    }

    @Test func notEqualBetweenQueriesFollowsGuard32() throws {
        // cfn-guard 3.0.1 fails this clause for two disjoint lists; 3.2 (and Tenet) pass it.
        #expect(try status("A[*] != B[*]", "A: [1, 2]\nB: [5, 6]") == .pass)
        #expect(try status("A[*] != B[*]", "A: [1, 2]\nB: [2, 1]") == .fail)
    }

    @Test func variableValuesAreNotFlattened() throws {
        #expect(try GuardFixture.statuses("let v = Items\nrule r { %v[*] is_list }", "Items: [[1], []]")["r"] == .pass)
        #expect(try GuardFixture.statuses("let v = Items\nrule r { %v.a exists }", "Items: [{a: 1}]")["r"] == .fail)
        #expect(try GuardFixture.statuses("let v = Items\nrule r { %v[ c == 1 ] exists }", "Items: []")["r"] == .skip)
    }

    @Test func filtersOnScalarsAreUnresolved() throws {
        #expect(try status("Properties[ this == 'x' ] exists", "Properties: x") == .fail)
        #expect(try status("Properties[*][ this == 6 ] exists", "Properties: [5]") == .skip)
    }

    @Test func membershipAgainstAnUnresolvedQueryStillTestsEachValue() throws {
        #expect(try status("some A[*] not in Missing.Key", "A: [1, 2]") == .pass)
        #expect(try status("A[*] not in Missing.Key", "A: [1, 2]") == .fail)
    }

    @Test func twoLiteralsCompareWhole() throws {
        #expect(try GuardFixture.statuses("let ten = 10\nrule r { %ten == [10] }", "x: 1")["r"] == .fail)
        #expect(try status("Ten == [10]", "Ten: 10") == .pass)
    }

    @Test func theEmptyStringIsInEveryString() throws {
        #expect(try status("S in 'xaby'", "S: ''") == .pass)
    }

    @Test func aListIsNotInAScalarOtherThanAString() throws {
        #expect(try status("L in false", "L: []") == .fail)
        #expect(try status("L in 'x'", "L: []") == .pass)
    }

    @Test func filtersStopAtTheFirstFailingClause() throws {
        // The second clause would stop the evaluation (`empty` on a number), but the first has
        // already failed for the only candidate; cfn-guard evaluates both and raises the error.
        #expect(try status("Items[ a == 2\n b empty ] exists", "Items: [{a: 1, b: 5}]") == .skip)
    }

    @Test func yamlIsReadOneWayForEveryCommand() throws {
        // cfn-guard's `validate` loader keeps `True` a string; Tenet reads YAML 1.1 everywhere.
        #expect(try status("Flag == true", "Flag: True") == .pass)
    }

    @Test func listMembershipFollowsTheFirstRightHandElement() throws {
        #expect(try status("Type in [['b'], 'a']", "Type: [a]") == .fail)
        #expect(try status("Type in ['a', ['b']]", "Type: [a]") == .pass)
        #expect(try status("Type not in [['a', 2]]", "Type: []") == .pass)
    }

    @Test func aPartlyContainedListIsNeitherInNorNotIn() throws {
        #expect(try GuardFixture.statuses("let v = [2, 'x', 10]\nrule r { %v in [10, 5] }", "a: 1")["r"] == .fail)
        #expect(try GuardFixture.statuses("let v = [2, 'x', 10]\nrule r { %v not in [10, 5] }", "a: 1")["r"] == .fail)
        #expect(try status("L not in ['a']", "L: []") == .fail)
    }

    @Test func aLiteralListIsInScalarValuesWhenEveryElementIsAmongThem() throws {
        let data = "Items: [b, a, c]"
        #expect(try GuardFixture.statuses("let v = ['a', 'b']\nrule r { %v in Items[*] }", data)["r"] == .pass)
        #expect(try GuardFixture.statuses("let v = []\nrule r { %v in Items[*] }", data)["r"] == .pass)
        #expect(try GuardFixture.statuses("let v = ['a', 'z']\nrule r { %v in Items[*] }", data)["r"] == .fail)
        #expect(try GuardFixture.statuses("let v = ['a', 'z']\nrule r { %v not in Items[*] }", data)["r"] == .fail)
        #expect(try GuardFixture.statuses("let v = ['a', 'b']\nrule r { %v not in Items[*] }", data)["r"] == .fail)
    }

    @Test func rangesInsideListsMatchNothing() throws {
        #expect(try status("P in [r[1, 5]]", "P: 2") == .fail)
        #expect(try status("P in r[1, 5]", "P: 2") == .pass)
        #expect(try status("P in [/^x/]", "P: xy") == .pass)
    }

    @Test func keyInterpolationMayBeFollowedByAWildcard() throws {
        // cfn-guard 3.0.1 stops with "variable interpolation is not supported" here.
        let rules = "let names = ['Res0']\nrule r { Resources.%names.* exists }"
        #expect(try GuardFixture.statuses(rules, "Resources: {Res0: {Type: X}}")["r"] == .pass)
    }

    @Test func aLiteralVariableWithIndexAllStaysALiteral() throws {
        #expect(try GuardFixture.statuses("let v = ['a', 'b']\nrule r { %v[*] not in 'xaby' }", "x: 1")["r"] == .fail)
    }

    @Test func jsonParseReadsABlankStringAsNull() throws {
        #expect(try GuardFixture.statuses("let v = json_parse(S)\nrule r { %v is_null }", "S: ''")["r"] == .pass)
    }

    @Test func twoSingleValuedQueriesOfDifferentTypesAreIncomparable() throws {
        #expect(try status("A == B", "A: 1\nB: '1'") == .fail)
        #expect(try status("A != B", "A: 1\nB: '1'") == .fail)
    }

    @Test func aRangeOnTheLeftIsIncomparable() throws {
        let rules = "rule within(v) { %v in 5 }\nrule r when within(r(0, 10)) { a exists }"
        #expect(try GuardFixture.statuses(rules, "a: 1")["r"] == .skip)
    }

    @Test func substringsCountOnlyAgainstALiteralString() throws {
        #expect(try status("A in 'xaby'", "A: ab") == .pass)
        #expect(try status("A in B", "A: ab\nB: xaby") == .fail)
        #expect(try status("A not in B", "A: ab\nB: xaby") == .pass)
        #expect(try status("A in to_lower('XABY')", "A: ab") == .fail)
    }

    @Test func parameterizedRuleArgumentsAreValuesNotLiterals() throws {
        let rules = "rule not_blank(v) { %v != '' }\nrule r { not_blank([]) }"
        #expect(try GuardFixture.statuses(rules, "a: 1")["r"] == .pass)
    }

    @Test func keyInterpolationFollowedByAnIndexIsLenient() throws {
        let data = "Resources: {Res0: {Type: X}}"
        #expect(try GuardFixture.statuses("let v = 5\nrule r { Resources.%v[1] exists }", data)["r"] == .fail)
        #expect(try GuardFixture.statuses("let v = Resources.*[ Type == 'Y' ].Type\nrule r { Resources.%v[0] exists }", data)["r"] == .fail)
        #expect(GuardFixture.evaluationError("let v = 5\nrule r { Resources.%v exists }", data)?.code == .guardEvaluation)
    }
}
