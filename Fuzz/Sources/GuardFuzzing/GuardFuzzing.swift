import TenetDocument
import TenetGuard

/// What every fuzz input must survive as a rules file: parsing, and for rules that parse, an
/// evaluation against a small template. Refusals must be located diagnostics; nothing may crash,
/// recurse without bound or hang.
public enum GuardFuzzing {
    static let template = Document(value: [
        "Parameters": ["Name": ["Type": "String", "NoEcho": true]],
        "Resources": [
            "Bucket": [
                "Type": "AWS::S3::Bucket",
                "Properties": ["BucketName": "logs", "Tags": [["Key": "env", "Value": "prod"]], "Ports": [10, 20]],
                "Metadata": ["guard": ["SuppressedRules": ["X"]]],
            ],
            "Volume": ["Type": "AWS::EC2::Volume", "Properties": ["Encrypted": false, "Size": 100, "Ratio": 1.5]],
        ],
    ], sourceName: "template.json")

    public static func exercise(_ bytes: UnsafeBufferPointer<UInt8>) {
        let source = SourceText(name: "fuzz.guard", bytes: Array(bytes))
        let rules: RulesFile
        do {
            rules = try GuardParser.parse(source)
        } catch {
            precondition(error.location != nil, "every refusal points at a location: \(error)")
            _ = DiagnosticRenderer(useColor: false).render(error)
            return
        }
        do {
            let result = try GuardEvaluator().evaluate(rules, document: template)
            for rule in result.rules {
                for failure in rule.failures {
                    _ = (failure.path, failure.found, failure.expectedValue, failure.location, failure.reason)
                }
            }
        } catch {
            _ = DiagnosticRenderer(useColor: false).render(error)
        }
    }
}
