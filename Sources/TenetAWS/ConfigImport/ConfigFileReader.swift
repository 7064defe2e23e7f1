import Foundation
import TenetDocument

/// Reads the configuration items of one AWS Config file in any of its JSON forms:
/// a configuration snapshot or configuration-history file as delivered to S3
/// (`{"fileVersion", "configurationItems": [...]}`), the output of `get-resource-config-history`
/// (`{"configurationItems": [...]}`), `batch-get-resource-config` (`{"baseConfigurationItems": [...]}`)
/// and `select-resource-config` (`{"Results": ["<item as JSON text>", ...]}`).
enum ConfigFileReader {
    static func items(inFile path: String) throws(Diagnostic) -> [ConfigurationItem] {
        let loader = DocumentLoader()
        let source = try loader.readSource(path)
        // AWS Config delivers `.json.gz`; say so rather than report binary as a JSON syntax error.
        if source.bytes.starts(with: [0x1F, 0x8B]) {
            throw Diagnostic(
                code: .invalidConfigFile, message: "the file is gzip-compressed, as AWS Config delivers it to S3; expected it decompressed (gunzip)",
                location: FileLocation(file: path, line: 1, column: 1))
        }
        let root = try loader.load(source, as: .json).root
        if let list = root["configurationItems"] ?? root["baseConfigurationItems"], list.kind == .list {
            var items: [ConfigurationItem] = []
            for child in list.children { items.append(try ConfigurationItem(child)) }
            return items
        }
        if let results = root["Results"], results.kind == .list {
            var items: [ConfigurationItem] = []
            for result in results.children {
                guard let text = result.stringValue else {
                    throw Diagnostic(code: .invalidConfigFile, message: "a 'Results' element is \(result.kind); expected a configuration item as JSON text", location: result.fileLocation)
                }
                let item: Node
                do {
                    item = try JSONLoader().load(SourceText(name: path, bytes: Array(text.utf8))).root
                } catch {
                    throw Diagnostic(
                        code: .invalidConfigFile, message: "a 'Results' element is not valid JSON (\(error.message)); expected a configuration item as JSON text",
                        location: result.fileLocation)
                }
                do {
                    items.append(try ConfigurationItem(item))
                } catch {
                    // The item was parsed from the element's text; point at the element in the file.
                    var moved = error
                    moved.location = result.fileLocation
                    throw moved
                }
            }
            return items
        }
        throw Diagnostic(
            code: .invalidConfigFile,
            message: "not an AWS Config file; expected an object with 'configurationItems' (a snapshot, a history file or get-resource-config-history output) or 'Results' (select-resource-config output)",
            location: root.fileLocation)
    }
}
