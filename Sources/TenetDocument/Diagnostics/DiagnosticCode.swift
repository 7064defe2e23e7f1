/// A stable identifier for a kind of diagnostic, for documentation, tests and tooling.
///
/// A struct rather than an enum so that every layer (documents, rules, inventory) can add codes of
/// its own without one central list; the codes of this module are declared below.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

extension DiagnosticCode {
    public static let unreadableFile = DiagnosticCode("input.unreadable")
    public static let fileTooLarge = DiagnosticCode("input.too-large")
    public static let invalidUTF8 = DiagnosticCode("input.invalid-utf8")
    public static let emptyDocument = DiagnosticCode("input.empty")
    public static let nestingTooDeep = DiagnosticCode("input.too-deep")
    public static let numberOutOfRange = DiagnosticCode("input.number-out-of-range")

    public static let yamlSyntax = DiagnosticCode("yaml.syntax")
    public static let duplicateKey = DiagnosticCode("yaml.duplicate-key")
    public static let nonStringKey = DiagnosticCode("yaml.non-string-key")
    public static let multipleDocuments = DiagnosticCode("yaml.multiple-documents")
    public static let undefinedAlias = DiagnosticCode("yaml.undefined-alias")
    public static let duplicateAnchor = DiagnosticCode("yaml.duplicate-anchor")
    public static let recursiveAlias = DiagnosticCode("yaml.recursive-alias")
    public static let aliasBudgetExceeded = DiagnosticCode("yaml.alias-budget")
    public static let invalidMerge = DiagnosticCode("yaml.invalid-merge")
    public static let invalidScalar = DiagnosticCode("yaml.invalid-scalar")
    public static let unknownTag = DiagnosticCode("yaml.unknown-tag")

    public static let jsonSyntax = DiagnosticCode("json.syntax")
}
