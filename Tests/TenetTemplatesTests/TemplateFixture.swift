import Foundation
import TenetDocument
import TenetTemplates

/// Template files written to a fresh directory, collected the way `tenet collect template` does.
struct TemplateFixture {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenet-templates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func collect(_ names: [String], inputs: TemplateInputs = TemplateInputs(), excludes: [String] = []) throws(Diagnostic) -> TemplateSet {
        try TemplateSet.collect(
            names, discovery: TemplateFileDiscovery(excludes: excludes, workingDirectory: directory), collector: TemplateCollector(inputs: inputs))
    }

    /// One template, collected alone.
    func template(_ text: String, inputs: TemplateInputs = TemplateInputs()) throws -> CollectedTemplate {
        let path = try write("template-\(UUID().uuidString).yaml", text)
        let set = try collect([path], inputs: inputs)
        guard let template = set.templates.first else { throw Diagnostic(code: .emptyDocument, message: "not collected") }
        return template
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
