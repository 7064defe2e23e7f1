import Foundation
import TenetDocument
import TenetGuard

/// The managed rules under a `rules/` directory, or compiled into the binary, loaded and
/// cross-checked.
///
/// Loading validates what a single file cannot: the file sits in its area's folder, its name, its
/// `id` and its `rule` block agree, identifiers are unique, every `RuleParameters.x` the body reads
/// is declared, and the rule has its tests. Problems are collected, not thrown one at a time, so a
/// contributor sees all of them at once.
///
/// The bundled library takes each rule's metadata as the bundle generator parsed it; a rule's
/// Guard body is parsed when a scan first evaluates it (see `RuleBody`).
public struct ManagedRuleLibrary: Sendable {
    public private(set) var rules: [ManagedRule] = []
    /// Positions in `rules` by id: packs and parameter layers look rules up by id for every rule.
    private var positions: [String: Int] = [:]
    public private(set) var diagnostics: [Diagnostic] = []

    /// Reads the rules under `directory` and checks that each has its tests beside it.
    public init(directory: String) {
        var sources: [RuleSource] = []
        for area in RuleArea.allCases {
            let folder = (directory as NSString).appendingPathComponent(area.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".guard") {
                let path = (folder as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path) else {
                    diagnostics.append(Diagnostic(code: .unreadableFile, message: "the rule file cannot be read", location: FileLocation(file: path, line: 1, column: 1)))
                    continue
                }
                sources.append(RuleSource(area: area, text: SourceText(name: path, bytes: Array(data))))
            }
        }
        add(sources, origin: .directory)
    }

    /// Rules from texts in memory, such as those compiled into the binary. Their tests stay in the
    /// repository, where the directory form of the library checks them.
    public init(bundled files: [BundledRuleFile]) {
        var sources: [RuleSource] = []
        for file in files {
            guard file.path.hasSuffix(".guard"), let area = RuleArea(rawValue: String(Self.folderAndStem(of: file.path).folder)) else { continue }
            sources.append(RuleSource(area: area, text: SourceText(name: file.path, bytes: Array(file.text.utf8)), metadata: file.metadata))
        }
        add(sources, origin: .bundled)
    }

    /// The bundled library, parsed the first time it is asked for and then kept for the process.
    public static let bundled = ManagedRuleLibrary(bundled: BundledRules.files)

    /// Where a library's files come from, which decides what loading checks.
    private enum Origin {
        /// A `rules/` directory: every body is parsed to check its rule's name and the
        /// parameters it reads, and every rule needs its tests beside it.
        case directory
        /// Compiled into the binary: the metadata comes ready made, and bodies are left for a scan
        /// to parse. The bundle is the repository's `rules/` byte for byte (a test compares them),
        /// where the directory form checks every body and test.
        case bundled
    }

    /// One rule file to load: its folder's area, its text, and its metadata when that is already
    /// parsed (bundled rules carry theirs).
    private struct RuleSource: Sendable {
        var area: RuleArea
        var text: SourceText
        var metadata: RuleMetadata?
    }

    /// Files are parsed and checked on all cores (the bundled library is loaded by every
    /// `check`), then added in order, so ids and diagnostics come out as from one pass.
    private mutating func add(_ sources: [RuleSource], origin: Origin) {
        let loaded = sources.concurrentMap { Self.load($0, origin: origin) }
        for (source, (rule, problems)) in zip(sources, loaded) {
            diagnostics += problems
            guard let rule else { continue }
            if let previous = positions[rule.id] {
                diagnostics.append(Diagnostic(code: .ruleDuplicateID, message: "the id \(rule.id) is already used by \(rules[previous].path)", location: FileLocation(file: source.text.name, line: 1, column: 1)))
                continue
            }
            positions[rule.id] = rules.count
            rules.append(rule)
        }
    }

    public func rule(_ id: String) -> ManagedRule? {
        positions[id].map { rules[$0] }
    }

    /// One file's rule, or nil when it is unusable, and the problems found in it.
    private static func load(_ file: RuleSource, origin: Origin) -> (ManagedRule?, [Diagnostic]) {
        let source = file.text
        let area = file.area
        let path = source.name
        let start = FileLocation(file: path, line: 1, column: 1)
        let metadata: RuleMetadata
        let parsed: RulesFile?
        do {
            if let known = file.metadata {
                metadata = known
            } else {
                metadata = try RuleMetadataParser.parse(source)
            }
            parsed = origin == .directory ? try GuardParser.parse(source) : nil
        } catch {
            return (nil, [error])
        }
        var diagnostics: [Diagnostic] = []
        let stem = folderAndStem(of: path).stem
        var problems: [String] = []
        if metadata.id != stem { problems.append("the id \(metadata.id) differs from the file name \(stem)") }
        if metadata.area != area { problems.append("the area \(metadata.area.rawValue) differs from the folder \(area.rawValue)") }
        if let ruleNames = parsed?.rules.map(\.name), ruleNames != [metadata.id] { problems.append("the file must define exactly one rule named \(metadata.id); it defines [\(ruleNames.joined(separator: ", "))]") }
        for problem in problems {
            diagnostics.append(Diagnostic(code: .ruleInconsistent, message: problem, location: start))
        }

        var testPath: String?
        if origin == .directory {
            let declared = Set(metadata.parameters.map(\.name))
            for used in Self.parameterReferences(in: String(decoding: source.bytes, as: UTF8.self)) where !declared.contains(used) {
                diagnostics.append(Diagnostic(
                    code: .ruleUndeclaredParameter,
                    message: "the rule reads RuleParameters.\(used), which its metadata does not declare", location: start))
            }
            let expected = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("tests/\(stem)_tests.yaml")
            if FileManager.default.fileExists(atPath: expected) {
                testPath = expected
            } else {
                diagnostics.append(Diagnostic(code: .ruleTestsMissing, message: "no tests: expected \(expected)", location: start))
            }
        }
        guard problems.isEmpty else { return (nil, diagnostics) }
        return (ManagedRule(metadata: metadata, body: parsed.map(RuleBody.init(parsed:)) ?? RuleBody(source: source), path: path, testPath: testPath), diagnostics)
    }

    /// The folder holding a `.guard` file and the file's name without the extension. Cut at the
    /// last two slashes of the UTF-8 bytes, as the paths here are ones this library listed or
    /// bundled: NSString's path methods, three per bundled rule, were an eighth of the time to a
    /// first answer, and splitting the whole path into Characters still a fiftieth.
    private static func folderAndStem(of path: String) -> (folder: Substring, stem: Substring) {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        let nameStart = bytes.lastIndex(of: slash).map(bytes.index(after:)) ?? bytes.startIndex
        let folderEnd = nameStart == bytes.startIndex ? nameStart : bytes.index(before: nameStart)
        let folderStart = bytes[..<folderEnd].lastIndex(of: slash).map(bytes.index(after:)) ?? bytes.startIndex
        let name = path[nameStart...]
        return (path[folderStart..<folderEnd], name.hasSuffix(".guard") ? name.dropLast(".guard".count) : name)
    }

    /// The names after `RuleParameters.` outside comments.
    static func parameterReferences(in text: String) -> Set<String> {
        // Most rules take no parameters; one search of the bytes spares them the line-by-line scan.
        guard Array(text.utf8).containsBytes(Array("RuleParameters.".utf8)) else { return [] }
        var names: Set<String> = []
        for line in text.split(separator: "\n") {
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            var rest = code[...]
            while let range = rest.range(of: "RuleParameters.") {
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty { names.insert(String(name)) }
                rest = rest[range.upperBound...]
            }
        }
        return names
    }
}

extension ManagedRuleLibrary {
    /// Each rule's declared parameter defaults, as the `RuleParameters` map it sees.
    public var defaultParameters: RuleParameters {
        RuleParameters(defaultsOf: rules.map(\.metadata))
    }
}
