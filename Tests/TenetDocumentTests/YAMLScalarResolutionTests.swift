import Testing
import TenetDocument

/// YAML 1.1 as PyYAML (and so cfn-lint and CloudFormation) resolves plain scalars; each surprise
/// in this table is one a template author can meet, so each is pinned.
@Suite struct YAMLScalarResolutionTests {
    static let table: [(text: String, expected: Value)] = [
        ("yes", true), ("Yes", true), ("YES", true), ("no", false), ("No", false), ("NO", false),
        ("on", true), ("On", true), ("ON", true), ("off", false), ("Off", false), ("OFF", false),
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
        ("yES", "yES"), ("y", "y"), ("n", "n"), ("oN", "oN"),
        ("0x1F", 31), ("017", 15), ("1_000", 1000), ("12:30", 750), ("-0x1F", -31), ("0b101", 5), ("0", 0),
        ("-1", -1), ("09", "09"), ("0o17", "0o17"),
        ("1e3", "1e3"), ("1.0e3", "1.0e3"), (".5", 0.5), ("1.0e+3", 1000.0), ("1.0", 1.0), ("1.", 1.0),
        ("-.5", "-.5"), ("1:20.5", 80.5),
        (".inf", .float(.infinity)), ("-.inf", .float(-.infinity)), (".nan", .float(.nan)), ("-.nan", "-.nan"),
        ("~", nil), ("null", nil), ("Null", nil), ("NULL", nil), ("", nil), ("nULL", "nULL"),
        ("2010-09-09", "2010-09-09"), ("12:30:00 x", "12:30:00 x"),
        ("'yes'", "yes"), ("\"017\"", "017"), ("'1.0'", "1.0"), ("\"~\"", "~"), ("''", ""), ("'null'", "null"),
        ("!!str 123", "123"), ("!!float 1", 1.0), ("!!int \"12\"", 12),
    ]

    @Test(arguments: table)
    func plainScalarResolvesAsYAML11(text: String, expected: Value) throws {
        let document = try load("value: \(text)\n", as: .yaml)
        #expect(document.root["value"]?.value == expected)
    }

    @Test func aTaggedScalarIsNeverResolved() throws {
        let document = try load("a: !Ref 123\nb: !Sub yes\n", as: .yaml)
        #expect(document.root.value == ["a": ["Ref": "123"], "b": ["Fn::Sub": "yes"]])
    }

    @Test func anIntegerBeyond64BitsIsRefusedRatherThanRounded() {
        let refusal = refusal(of: "a: 99999999999999999999\n", as: .yaml)
        #expect(refusal?.code == .numberOutOfRange)
        #expect(refusal?.location == FileLocation(.yaml, 1, 4))
    }
}
