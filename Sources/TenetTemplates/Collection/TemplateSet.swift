import Foundation
import TenetDocument

/// The templates found under the paths a user named, collected in parallel.
public struct TemplateSet: Sendable {
    /// A file that was looked at and not collected, and why.
    public struct SkippedFile: Sendable, Hashable {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// In path order.
    public var templates: [CollectedTemplate]
    public var skipped: [SkippedFile]
    /// Warnings of the collected templates, and parse errors of skipped files.
    public var warnings: [Diagnostic]

    /// Loads and collects every file; throws the first input error in path order.
    ///
    /// A file the user named must be a readable template. A file found in a directory that fails
    /// to parse is an error only when its text says it is a template (`AWSTemplateFormatVersion`,
    /// a top-level `Resources:`); otherwise — a Helm chart, a config file — it is skipped with a
    /// warning. Valid YAML or JSON that is not a template is skipped and listed.
    public static func collect(
        _ paths: [String], discovery: TemplateFileDiscovery = TemplateFileDiscovery(), collector: TemplateCollector = TemplateCollector(),
        loader: DocumentLoader = DocumentLoader()
    ) throws(Diagnostic) -> TemplateSet {
        let files = try discovery.files(in: paths)
        let outcomes = files.concurrentMap { Self.outcome(of: $0, collector: collector, loader: loader) }
        var set = TemplateSet(templates: [], skipped: [], warnings: [])
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case .collected(let template):
                set.templates.append(template)
                set.warnings.append(contentsOf: template.warnings)
                if !template.notExpanded.isEmpty {
                    set.warnings.append(Diagnostic(
                        .warning, code: .transformNotExpanded,
                        message: "the template uses \(template.transforms.joined(separator: ", ")); \(template.notExpanded.joined(separator: ", ")) would be expanded by the transform and are checked as written",
                        location: FileLocation(file: file.path, line: 1, column: 1)))
                }
            case .notATemplate:
                set.skipped.append(SkippedFile(path: file.path, reason: "not a CloudFormation template (no Resources map of typed resources)"))
            case .failed(let diagnostic, let looksLikeTemplate):
                if file.isExplicit || looksLikeTemplate { throw diagnostic }
                set.skipped.append(SkippedFile(path: file.path, reason: "not parseable as YAML or JSON: \(diagnostic.message)"))
                var warning = diagnostic
                warning.severity = Diagnostic.Severity.warning
                set.warnings.append(warning)
            }
        }
        return set
    }

    private enum Outcome: Sendable {
        case collected(CollectedTemplate)
        case notATemplate
        case failed(Diagnostic, looksLikeTemplate: Bool)
    }

    private static func outcome(of file: TemplateFileDiscovery.File, collector: TemplateCollector, loader: DocumentLoader) -> Outcome {
        let source: SourceText
        do {
            let read = try loader.readSource(file.readablePath)
            source = SourceText(name: file.path, bytes: read.bytes)
        } catch {
            return .failed(error, looksLikeTemplate: true)
        }
        do {
            let document = try loader.load(source)
            guard let template = try collector.collect(document, path: file.path) else { return .notATemplate }
            return .collected(template)
        } catch {
            return .failed(error.withSource(source), looksLikeTemplate: TemplateRecognizer.looksLikeTemplate(source.bytes))
        }
    }
}
