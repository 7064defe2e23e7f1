import Testing
import TenetDocument
@testable import TenetReports

@Suite struct FindingTextTests {
    /// Values as a report shows them are written without a document; they must read exactly as
    /// `JSONWriter` writes the same value, repeated keys and deep nesting included.
    @Test(arguments: [
        Value.null, true, 42, 2.0, -0.5, "a \"quoted\"\nline", [], ["team", "cost-center"], [true, "true", 1],
        ["Fn::Equals": [["Ref": "Environment"], "prod"]],
        .map([Value.Entry("Key", "first"), Value.Entry("Value", 1), Value.Entry("Key", "last")]),
        (0..<40).reduce(Value.string("deep")) { nested, _ in .list([nested]) },
    ])
    func valueTextIsCompactJSON(_ value: Value) {
        #expect(FindingText.valueText(value) == JSONWriter(style: .compact).string(for: Document(value: value).root))
    }
}
