import TenetDocument

/// `json_parse(q)`: each string parsed as a document. cfn-guard parses with a YAML parser, so
/// JSON and YAML both work; a string that does not parse stops the evaluation.
enum JSONParseFunction {
    static func parse(_ values: [QueryValue]) throws(FunctionFailure) -> [QueryValue] {
        var results: [QueryValue] = []
        for value in values {
            guard let text = value.stringValue else { continue }
            // YAML reads a blank document as null; Tenet's loader refuses it as input.
            if text.allSatisfy(\.isWhitespace) {
                results.append(.literal(.null))
                continue
            }
            do {
                let document = try DocumentLoader().load(SourceText(name: "json_parse", bytes: Array(text.utf8)), as: .yaml)
                results.append(.node(document.root))
            } catch {
                throw FunctionFailure(message: "the string does not parse as JSON or YAML: \(error.message)")
            }
        }
        return results
    }
}
