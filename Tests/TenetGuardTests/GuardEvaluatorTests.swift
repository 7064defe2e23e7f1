import Testing
import TenetDocument
@testable import TenetGuard

/// Statuses, queries and comparisons, each against a small inline document.
@Suite struct GuardEvaluatorTests {
    static let template = """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: logs
              Tags: [{Key: env, Value: prod}, {Key: team, Value: core}]
              Ports: [10, 20, 30]
              Versioning: {Status: Enabled}
          Volume:
            Type: AWS::EC2::Volume
            Properties:
              Encrypted: false
              Size: 100
        """

    private func status(_ clause: String, _ data: String = Self.template) throws -> GuardStatus? {
        try GuardFixture.status(clause, data)
    }

    // MARK: Queries

    @Test func zeroResultsSkipAndUnresolvedFails() throws {
        #expect(try status("Resources.*[ Type == 'AWS::SNS::Topic' ].Properties.X == 1") == .skip)
        #expect(try status("Resources.Volume.Properties.Missing == 1") == .fail)
        #expect(try status("Resources.Volume.Properties.Missing != 1") == .fail)
        #expect(try status("Resources.Volume.Properties.Missing not exists") == .pass)
    }

    @Test func wildcardsOnEmptyContainersAreUnresolved() throws {
        #expect(try status("Resources.*.Type exists", "Resources: {}") == .fail)
        #expect(try status("Items[*] exists", "Items: []") == .fail)
        #expect(try status("Resources[ Type == 'X' ] exists", "Resources: {}") == .skip)
    }

    @Test func indexAllPassesThroughScalars() throws {
        #expect(try status("Types[*] == 'PRIVATE'", "Types: PRIVATE") == .pass)
    }

    @Test func negativeIndexIsItsAbsoluteValue() throws {
        #expect(try status("Items[-1] == 'b'", "Items: [a, b, c]") == .pass)
    }

    @Test func missingKeysAreRetriedInOtherCaseConventions() throws {
        #expect(try status("Resources.Bucket.Properties.bucket_name == 'logs'") == .pass)
        #expect(try status("Resources.Bucket.Properties.bucketName == 'logs'") == .pass)
        #expect(try status("Resources.Bucket.Properties.'!BucketName' == 'logs'") == .pass)
    }

    @Test func theFirstMatchingCaseConventionSticksForTheRestOfTheQuery() throws {
        // `bucket_name` finds `BucketName` as ClassCase; `BucketName` is then retried only as
        // ClassCase, so the camelCase `bucketName` below is not found.
        #expect(try status("bucket_name.BucketName exists", "BucketName: {bucketName: x}") == .fail)
        #expect(try status("bucket_name.bucket_name exists", "BucketName: {BucketName: x}") == .pass)
    }

    @Test func filtersKeepCandidatesThatPass() throws {
        #expect(try status("Resources.*[ Type == 'AWS::EC2::Volume' ].Properties.Size == 100") == .pass)
        #expect(try status("Resources.Bucket.Properties.Tags[ Key == 'env' ].Value == 'prod'") == .pass)
        #expect(try status("Resources[ Type == /S3/ ].Properties.BucketName == 'logs'") == .pass)
    }

    /// Type filters are answered from an index of resources by type; written as `this.Type`
    /// they are not, so both spellings must select the same values in the same order.
    @Test func typeFiltersSelectAsClauseByClauseFilters() throws {
        let template = """
            Resources:
              A1: {Type: A, Properties: {X: 1, Y: 3}}
              Listed: [{Type: A, Properties: {X: 1, Y: 4}}, {Type: B, Properties: {X: 1, Y: 5}}]
              B1: {Type: B, Properties: {X: 1, Y: 6}}
              Scalar: 5
              NoType: {Properties: {X: 1, Y: 7}}
              Numbered: {Type: 7, Properties: {X: 1, Y: 8}}
              A2: {Type: A, Properties: {X: 2, Y: 9}}
              C1: {Type: C, Properties: {X: 1, Y: 10}}
            """
        let filters = [
            "Type == 'A'", "Type in ['A', 'B']", "Type == /^[AB]$/", "Type != 'A'", "Type exists",
            "Type == 'A' or Type == 'C'", "Type == %types", "Type in ['A', 'B'] Properties.X == 1",
        ]
        for filter in filters {
            func failures(_ typeFilter: String) throws -> [String] {
                let rules = "let types = ['B']\nrule r { Resources.*[ \(typeFilter) ].Properties.Y == 0 }"
                return try GuardFixture.evaluate(rules, template).rules[0].failures.map { $0.path?.description ?? $0.reason }
            }
            let indexed = try failures(filter)
            #expect(!indexed.isEmpty, "\(filter)")
            #expect(indexed == (try failures(filter.replacing("Type ", with: "this.Type "))), "\(filter)")
        }
    }

    /// One parsed rule and one evaluator serve many documents: what a type filter learnt or
    /// indexed on one document must not leak into the next.
    @Test func typeFiltersAnswerEachDocumentOnItsOwn() throws {
        let rules = try GuardFixture.rules("rule r { Resources.*[ Type in ['A', /^C/] ].Properties.Y == 3 }")
        let evaluator = GuardEvaluator()
        let documents = [
            "Resources: {X: {Type: A, Properties: {Y: 3}}}",
            "Resources: {X: {Type: B, Properties: {Y: 4}}}",
            "Resources: {X: {Type: A, Properties: {Y: 4}}, Z: {Type: Cat, Properties: {Y: 3}}}",
            "Resources: {X: {Type: Cow, Properties: {Y: 3}}}",
        ]
        let statuses = try documents.enumerated().map { index, yaml in
            try evaluator.evaluate(rules, document: try GuardFixture.document(yaml, name: "doc\(index).yaml")).rules[0].status
        }
        #expect(statuses == [.pass, .skip, .fail, .pass])
    }

    @Test func keyFiltersAndKeyInterpolation() throws {
        #expect(try status("Resources[ keys == /^Buck/ ].Type == 'AWS::S3::Bucket'") == .pass)
        #expect(try status("Resources[ keys not in ['Bucket'] ].Type == 'AWS::EC2::Volume'") == .pass)
        let statuses = try GuardFixture.statuses("""
            let names = ['Volume']
            rule r { Resources.%names.Properties.Size == 100 }
            """, Self.template)
        #expect(statuses["r"] == .pass)
    }

    @Test func someNeedsOnePassingValue() throws {
        #expect(try status("Resources.*.Properties.Tags[*].Key == 'env'") == .fail)
        #expect(try status("some Resources.*.Properties.Tags[*].Key == 'env'") == .pass)
    }

    // MARK: Comparisons

    @Test func intsAndFloatsAreNeverComparable() throws {
        #expect(try status("Size == 1.0", "Size: 1") == .fail)
        #expect(try status("Size < 2", "Size: 1.5") == .fail)
        #expect(try status("Size != '5'", "Size: 5") == .fail)
    }

    @Test func regexMatchingIsASearch() throws {
        #expect(try status("Type == /S3/", "Type: AWS::S3::Bucket") == .pass)
        #expect(try status("Name == /(?i)^LOGS$/", "Name: logs") == .pass)
        #expect(try status("Name != /^x/", "Name: logs") == .pass)
    }

    @Test func equalityAgainstLiteralsFlattensLists() throws {
        #expect(try status("Types == 'PRIVATE'", "Types: [PRIVATE, REGIONAL]") == .fail)
        #expect(try status("Types == 'PRIVATE'", "Types: [PRIVATE]") == .pass)
        #expect(try status("S == ['ab']", "S: ab") == .pass)
        #expect(try status("L == ['a', 'b']", "L: [a, b]") == .pass)
        #expect(try status("L == ['b', 'a']", "L: [a, b]") == .fail)
    }

    @Test func equalityBetweenQueriesComparesSets() throws {
        #expect(try status("L1[*] == L2[*]", "L1: [a]\nL2: [a, b]") == .fail)
        #expect(try status("L1[*] == L2[*]", "L1: [b, a]\nL2: [a, b]") == .pass)
    }

    @Test func membership() throws {
        #expect(try status("S in 'xaby'", "S: ab") == .pass)
        #expect(try status("L in ['a', 'b', 'c']", "L: [a, c]") == .pass)
        #expect(try status("Type in [/IAM::Policy/, 'x']", "Type: AWS::IAM::Policy") == .pass)
        #expect(try status("P in r[1, 5]", "P: 5") == .pass)
        #expect(try status("P in r[1, 5)", "P: 5") == .fail)
        #expect(try status("P not in [1, 2]", "P: 3") == .pass)
        #expect(try status("Missing not in [1, 2]", "P: 3") == .fail)
    }

    @Test func orderingFlattensBothSides() throws {
        #expect(try status("Ports >= [10, 20, 30]", "Ports: [30, 40]") == .pass)
        #expect(try status("Ports > 10", "Ports: [10, 20]") == .fail)
        #expect(try status("Name < 'b'", "Name: a") == .pass)
    }

    @Test func leadingNotIsIgnoredOnBinaryClauses() throws {
        #expect(try status("not S == 'ab'", "S: ab") == .pass)
        #expect(try status("not S exists", "S: ab") == .fail)
    }

    // MARK: Unary operators

    @Test func unaryOperatorsTestEachValue() throws {
        let data = "S: x\nL: []\nM: {a: 1}\nB: true\nI: 1\nF: 1.5\nN: null\nE: ''"
        #expect(try status("S is_string", data) == .pass)
        #expect(try status("L is_list", data) == .pass)
        #expect(try status("M is_struct", data) == .pass)
        #expect(try status("B is_bool", data) == .pass)
        #expect(try status("I is_int", data) == .pass)
        #expect(try status("F is_float", data) == .pass)
        #expect(try status("N is_null", data) == .pass)
        #expect(try status("N exists", data) == .pass)
        #expect(try status("L empty", data) == .pass)
        #expect(try status("E empty", data) == .pass)
        #expect(try status("B !empty", data) == .pass)
        #expect(try status("Missing is_string", data) == .fail)
    }

    @Test func emptyOnANumberStopsTheEvaluation() {
        let error = GuardFixture.evaluationError("rule r { I empty }", "I: 1")
        #expect(error?.code == .guardEvaluation)
        #expect(error?.location == FileLocation(file: "rules.guard", line: 1, column: 10))
    }

    @Test func emptyOnAVariableTestsTheResultList() throws {
        let rules = """
            let foos = Resources.*.Properties.Foo
            rule some_missing { %foos !empty }
            let none = Resources.*[ Type == 'Nope' ]
            rule nothing { %none empty }
            """
        let statuses = try GuardFixture.statuses(rules, "Resources: {a: {Properties: {Foo: 1}}, b: {Properties: {}}}")
        #expect(statuses["some_missing"] == .fail)
        #expect(statuses["nothing"] == .pass)
    }

    // MARK: CNF, blocks, rules

    @Test func cnfAlgebra() throws {
        #expect(try status("A exists or B exists", "B: 1") == .pass)
        #expect(try status("X.Y == 1 or Z.W == 1", "{}") == .fail)
        #expect(try status("Q[ a == 1 ] exists or R[ b == 1 ] exists", "Q: [{a: 2}]\nR: [{b: 2}]") == .skip)
        #expect(try status("A exists\nQ[ a == 9 ].b == 1", "A: 1\nQ: [{a: 2}]") == .pass)
    }

    @Test func blocksSkipOnNothingAndFailOnUnresolved() throws {
        #expect(try status("Resources.*[ Type == 'X' ] { Properties exists }") == .skip)
        #expect(try status("Resources.*[ Type == 'X' ] !empty { Properties exists }") == .fail)
        #expect(try status("Resources.Bucket.Nothing { Properties exists }") == .fail)
        #expect(try status("Items[*] { this exists }", "Items: []") == .fail)
        #expect(try status("some Resources.* { Properties.Encrypted == false }") == .pass)
    }

    @Test func whenGatesSkipUnlessThereIsAPass() throws {
        let rules = """
            rule gated when Resources.Missing exists { Resources exists }
            rule open when Resources exists { Resources.Bucket.Type == 'AWS::S3::Bucket' }
            rule inner { when Resources.Bucket.Properties.BucketName == 'other' { Resources.Nothing exists } }
            """
        let statuses = try GuardFixture.statuses(rules, Self.template)
        #expect(statuses == ["gated": .skip, "open": .pass, "inner": .skip])
    }

    @Test func typeBlocksAreSugarForResourceFilters() throws {
        #expect(try status("AWS::EC2::Volume { Properties.Size == 100 }") == .pass)
        #expect(try status("AWS::SNS::Topic { Properties.X exists }") == .skip)
        #expect(try status("AWS::EC2::Volume when Properties.Size > 200 { Properties.X exists }") == .skip)
    }

    @Test func typeBlocksWithoutResourcesAreAClearError() {
        let error = GuardFixture.evaluationError("AWS::S3::Bucket { Properties exists }", "Other: 1")
        #expect(error?.code == .guardEvaluation)
        #expect(error?.message.contains("Resources") == true)
    }

    @Test func namedRulesPassOrFailAndSkipCountsAsFail() throws {
        let rules = """
            rule uses_later when later { Resources exists }
            rule skipped when Nothing exists { Resources exists }
            rule refers_to_skipped { skipped }
            rule negates_skipped { not skipped }
            rule later { Resources exists }
            """
        let statuses = try GuardFixture.statuses(rules, Self.template)
        #expect(statuses == ["uses_later": .pass, "skipped": .skip, "refers_to_skipped": .fail, "negates_skipped": .pass, "later": .pass])
    }

    @Test func ruleCyclesAreReportedNotOverflowed() {
        let error = GuardFixture.evaluationError("rule a { b }\nrule b { c }\nrule c { a }", "x: 1")
        #expect(error?.code == .guardRuleCycle)
        #expect(error?.message.contains("a → b → c → a") == true)
    }

    @Test func deepChainsOfRuleReferencesAreBounded() {
        let chain = (0..<300).map { "rule r\($0) { r\($0 + 1) }" }.joined(separator: "\n") + "\nrule r300 { x exists }"
        let error = GuardFixture.evaluationError(chain, "x: 1")
        #expect(error?.code == .guardEvaluation)
        #expect(error?.message.contains("more than 200 levels") == true)
        let shallow = (0..<20).map { "rule r\($0) { r\($0 + 1) }" }.joined(separator: "\n") + "\nrule r20 { x exists }"
        #expect(GuardFixture.evaluationError(shallow, "x: 1") == nil)
    }

    @Test func undefinedVariablesAndRulesStopTheEvaluation() {
        #expect(GuardFixture.evaluationError("rule r { %nope exists }", "x: 1")?.code == .guardEvaluation)
        #expect(GuardFixture.evaluationError("rule r { nope }", "x: 1")?.code == .guardEvaluation)
    }

    @Test func variablesAreScopedToTheirBlock() throws {
        let rules = """
            rule r {
              Resources.* {
                let type = Type
                %type == /AWS::/
                Properties exists
              }
            }
            """
        #expect(try GuardFixture.statuses(rules, Self.template)["r"] == .pass)
    }

    @Test func parameterizedRulesRunAtTheCallersValue() throws {
        let rules = """
            rule at_most(value, limit) { %value <= %limit }
            rule small { Resources.Volume.Properties { at_most(Size, 200) } }
            rule large { Resources.Volume.Properties { at_most(Size, 50) } }
            """
        let statuses = try GuardFixture.statuses(rules, Self.template)
        #expect(statuses == ["small": .pass, "large": .fail])
    }

    // MARK: Parameters and results

    @Test func eachRuleSeesItsOwnParameters() throws {
        let rules = """
            rule size_limit { Resources.Volume.Properties.Size <= RuleParameters.MaxSize }
            rule other { RuleParameters exists }
            """
        let limits = try GuardFixture.document("MaxSize: 50")
        let statuses = try GuardFixture.statuses(rules, Self.template, parameters: RuleParameters(byRule: ["size_limit": limits.root]))
        #expect(statuses == ["size_limit": .fail, "other": .fail])
        let overridden = try GuardFixture.statuses(rules, Self.template + "\nRuleParameters: {MaxSize: 500}", parameters: RuleParameters(byRule: ["size_limit": limits.root]))
        #expect(overridden["size_limit"] == .pass)
    }

    /// Keys of the evaluated document are looked up by its key ids; a parameter's keys, which the
    /// document may not have at all, and a literal's are looked up by spelling, retries included.
    @Test func keysAreFoundAlikeInTheDocumentItsParametersAndLiterals() throws {
        let rules = """
            let limits = { "MaxSize": 500 }
            rule document { Resources.Volume.Properties.size == 100 }
            rule parameters { Resources.Volume.Properties.Size <= RuleParameters.max_size }
            rule literal { Resources.Volume.Properties.Size <= %limits.max_size }
            """
        let limits = try GuardFixture.document("MaxSize: 200")
        let statuses = try GuardFixture.statuses(rules, Self.template, parameters: RuleParameters(byRule: ["parameters": limits.root]))
        #expect(statuses == ["document": .pass, "parameters": .pass, "literal": .pass])
    }

    @Test func failuresCarryRuleClausePathValuesAndLocation() throws {
        let rules = "rule encrypted {\n  Resources.*[ Type == 'AWS::EC2::Volume' ].Properties.Encrypted == true <<Volumes must be encrypted>>\n}"
        let result = try GuardFixture.evaluate(rules, Self.template)
        let failure = try #require(result.rules.first?.failures.first)
        #expect(failure.rule == "encrypted")
        #expect(failure.path?.description == "/Resources/Volume/Properties/Encrypted")
        #expect(failure.found == .bool(false))
        #expect(failure.expectedValue == .bool(true))
        #expect(failure.operatorSpelling == "==")
        #expect(failure.message == "Volumes must be encrypted")
        #expect(failure.location == FileLocation(file: "data.yaml", line: 12, column: 18))
        #expect(failure.clause.location == FileLocation(file: "rules.guard", line: 2, column: 3))
    }

    @Test func passingDisjunctionsForgetTheirFailures() throws {
        let result = try GuardFixture.evaluate("rule r {\n Missing exists or Resources exists\n Other exists\n}", Self.template)
        #expect(result.rules[0].status == .fail)
        #expect(result.rules[0].failures.map(\.clause.text) == ["Other exists"])
    }

    @Test func evaluationIsSafeInParallel() async throws {
        let rules = try GuardFixture.rules("rule r { Resources.*.Properties exists }")
        let documents = try (0..<16).map { try GuardFixture.document(Self.template, name: "doc\($0).yaml") }
        let statuses = try await withThrowingTaskGroup(of: GuardStatus.self) { group in
            for document in documents {
                group.addTask { try GuardEvaluator().evaluate(rules, document: document).rules[0].status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: .pass, count: 16))
    }
}
