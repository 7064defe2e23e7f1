import Testing
import TenetDocument

/// The corpus test is only as strict as this comparison, so its strictness is pinned here.
@Suite struct DataDifferenceTests {
    @Test func mapOrderDoesNotMatter() throws {
        #expect(DataDifference.first(try load("{b: 1, a: [x]}", as: .yaml).root, try load("{\"a\": [\"x\"], \"b\": 1}", as: .json).root) == nil)
    }

    @Test(arguments: [
        ("{a: 1}", "{\"a\": 1.0}", "/a"), ("{a: yes}", "{\"a\": \"yes\"}", "/a"), ("{a: [1, 2]}", "{\"a\": [2, 1]}", "/a/0"),
        ("{a: {b: 1}}", "{\"a\": {\"c\": 1}}", "/a/b"), ("{a: {}}", "{\"a\": {\"c\": 1}}", "/a/c"), ("[1]", "[1, 1]", "/"),
        ("{a: null}", "{\"a\": \"\"}", "/a"),
    ])
    func kindsAndValuesMustMatchExactly(yaml: String, json: String, path: String) throws {
        let difference = DataDifference.first(try load(yaml, as: .yaml).root, try load(json, as: .json).root)
        #expect(difference.map { $0.path.components.isEmpty ? "/" : $0.path.description } == path)
    }
}
