import Testing
import TenetDocument

/// Anchors, aliases and `<<` merge keys, read as PyYAML (and so cfn-lint) reads them.
@Suite struct MergeKeyAndAliasTests {
    @Test func mergedEntriesComeFirstAndOwnEntriesWin() throws {
        let text = """
            base: &base {Runtime: python3.12, Timeout: 30}
            function:
              Handler: index.handler
              <<: *base
              Timeout: 60

            """
        let function = try #require(try load(text, as: .yaml).root["function"])
        #expect(function.entries.map(\.key) == ["Runtime", "Timeout", "Handler"])
        #expect(function.value == ["Runtime": "python3.12", "Timeout": 60, "Handler": "index.handler"])
    }

    @Test func ofAListOfMergedMapsTheFirstWins() throws {
        let text = """
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            c:
              <<: [*a, *b]

            """
        let merged = try #require(try load(text, as: .yaml).root["c"])
        #expect(merged.entries.map(\.key) == ["y", "z", "x"])
        #expect(merged.value == ["x": 1, "y": 1, "z": 2])
    }

    @Test func mergeOfAnInlineMapAndOfAMapThatMerges() throws {
        let text = """
            inner: &inner
              <<: {k: 1}
              j: 2
            outer:
              <<: *inner
              k: 3

            """
        #expect(try load(text, as: .yaml).root["outer"]?.value == ["k": 3, "j": 2])
    }

    @Test func mergingAScalarIsRefused() {
        let refusal = refusal(of: "a: &s text\nb:\n  <<: *s\n", as: .yaml)
        #expect(refusal?.code == .invalidMerge)
        #expect(refusal?.location == FileLocation(.yaml, 1, 4))
    }

    @Test func aliasesCopyScalarsListsMapsAndTaggedValues() throws {
        let text = """
            s: &s text
            l: &l [1, 2.5]
            m: &m {k: v}
            t: &t !Ref Bucket
            copies: [*s, *l, *m, *t]

            """
        let document = try load(text, as: .yaml)
        #expect(document.root["copies"]?.value == ["text", [1, 2.5], ["k": "v"], ["Ref": "Bucket"]])
        #expect(document.root.at(JSONPointer(parsing: "/copies/2/k")!)?.path.description == "/copies/2/k")
    }

    @Test func anAnchoredKeyCanBeAliasedAsAValue() throws {
        let document = try load("&k Name: v\nother: *k\n", as: .yaml)
        #expect(document.root.value == ["Name": "v", "other": "Name"])
    }

    @Test func anAliasedStringCanBeAKey() throws {
        let document = try load("name: &n Bucket\n*n : x\n", as: .yaml)
        #expect(document.root.value == ["name": "Bucket", "Bucket": "x"])
    }

    /// Merge keys may repeat, and as in PyYAML the last merged value of a key wins. Twenty
    /// thousand of them must load in linear time (a search per child once made this quadratic).
    @Test func manyMergeKeysInOneMap() throws {
        let entries = (0..<20_000).map { "<<: {k\($0 % 100): \($0)}" }.joined(separator: ", ")
        let merged = try load("{\(entries), own: 1}", as: .yaml).root
        #expect(merged.count == 101)
        #expect(merged["k0"]?.intValue == 19_900)
        #expect(merged["k99"]?.intValue == 19_999)
    }
}
