import Foundation
import TenetInventory

/// Reads the resource types a rule without metadata is about from its text: the types its
/// `Type ==` / `Type in [...]` filters compare with, and its type blocks (`AWS::S3::Bucket { … }`).
///
/// Read from the text rather than the syntax tree because a type can sit in a variable, a filter
/// or a type block alike, and what matters is only which type names the author wrote there.
enum RuleTypeInference {
    private static let typeName = #"[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)?"#
    private static let comparison = try! NSRegularExpression(pattern: #"\bType\s*(?:==|\bin\b)\s*(\[[^\]]*\]|'[^']*'|"[^"]*")"#)
    private static let typeBlock = try! NSRegularExpression(pattern: #"(?m)^\s*("# + typeName + #")\s*(?:\{|when\b)"#)
    private static let name = try! NSRegularExpression(pattern: typeName)

    static func resourceTypes(in text: String) -> [ResourceType] {
        let whole = NSRange(text.startIndex..., in: text)
        var types: Set<String> = []
        for match in comparison.matches(in: text, range: whole) {
            let literal = (text as NSString).substring(with: match.range(at: 1))
            for found in name.matches(in: literal, range: NSRange(literal.startIndex..., in: literal)) {
                types.insert((literal as NSString).substring(with: found.range))
            }
        }
        for match in typeBlock.matches(in: text, range: whole) {
            types.insert((text as NSString).substring(with: match.range(at: 1)))
        }
        return types.sorted().map { ResourceType($0) }
    }
}
