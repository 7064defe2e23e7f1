import Foundation
import TenetDocument

/// A rules file's text and, once something evaluates it, its parse, kept for the process.
///
/// The bundled library holds hundreds of rules, and a `check` of one small template evaluates
/// only the few whose resource types it contains: parsing the others up front was most of the
/// time to a first answer. The parse is kept, so a rule is still compiled once however many
/// documents evaluate it; workers that ask at once wait for the first one's parse.
public final class RuleBody: @unchecked Sendable {
    public let source: SourceText
    private let lock = NSLock()
    private var parse: Result<RulesFile, Diagnostic>?

    /// A body parsed on first use.
    public init(source: SourceText) {
        self.source = source
    }

    /// A body already parsed, as when the caller had to parse it to check it.
    public init(parsed file: RulesFile) {
        source = file.source
        parse = .success(file)
    }

    /// The parsed rules; a text that does not parse fails here, with its file:line:column, every
    /// time it is asked for.
    public func rules() throws(Diagnostic) -> RulesFile {
        lock.lock()
        defer { lock.unlock() }
        if parse == nil {
            parse = Result { () throws(Diagnostic) in try GuardParser.parse(source) }
        }
        return try parse!.get()
    }
}
