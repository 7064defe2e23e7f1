import TenetDocument

extension DiagnosticCode {
    public static let resourceWithoutType = DiagnosticCode("template.resource-without-type")
    public static let unknownResourceType = DiagnosticCode("template.unknown-resource-type")
    public static let transformNotExpanded = DiagnosticCode("template.transform-not-expanded")
    public static let invalidParameterFile = DiagnosticCode("template.invalid-parameters")
    public static let noTemplates = DiagnosticCode("template.none-found")
}
