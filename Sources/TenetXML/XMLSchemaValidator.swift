internal import CLibXML2

/// Checks documents against an XML Schema (XSD), so report writers' tests can prove their output
/// is what CI systems' schemas accept.
///
/// Each validation parses the schema afresh into its own libxml2 objects: libxml2 does not
/// document a parsed schema as safe to share between threads, schemas for reports are small, and
/// a value holding only a path is trivially `Sendable`.
public struct XMLSchemaValidator: Sendable {
    public let schemaPath: String

    /// Checks that `schemaPath` holds a usable schema, so a broken schema fails here and not as
    /// a confusing validation result. The schema is trusted input (it may include or import
    /// other schema files); the documents validated against it are not.
    public init(schemaPath: String) throws(XMLParseError) {
        self.schemaPath = schemaPath
        try withSchema { _ in }
    }

    /// Every schema violation in `bytes`, in document order; empty when the document is valid.
    /// A document that is not well-formed (or has a DTD) yields its parse error instead.
    public func validate<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [XMLValidationError] {
        do {
            return try HardenedXMLParser.withDocument(parsing: bytes) { (document) throws(XMLParseError) in
                try withSchema { schema in validate(document, against: schema) }
            }
        } catch {
            return [XMLValidationError(line: error.line, message: error.message)]
        }
    }

    private func withSchema<Result>(_ body: (xmlSchemaPtr) -> Result) throws(XMLParseError) -> Result {
        _ = libxml2Initialization
        // Checked first because libxml2 reports a missing file only as a warning printed to stderr.
        guard xmlCheckFilename(schemaPath) == 1 else {
            throw XMLParseError(line: 0, column: 0, message: "\(schemaPath): no such schema file")
        }
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            throw XMLParseError(line: 0, column: 0, message: "\(schemaPath): libxml2 could not allocate a schema parser")
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let collector = LibXML2ErrorCollector()
        xmlSchemaSetParserStructuredErrors(parserContext, Self.recordError, collector.userData)
        let schema = withExtendedLifetime(collector) { xmlSchemaParse(parserContext) }
        defer { if let schema { xmlSchemaFree(schema) } }
        guard let schema, collector.errors.isEmpty else {
            let error = collector.errors.first
            throw XMLParseError(
                line: error?.line ?? 0, column: error?.column ?? 0,
                message: "\(schemaPath): \(error?.message ?? "not a usable XML schema")")
        }
        return body(schema)
    }

    private func validate(_ document: xmlDocPtr, against schema: xmlSchemaPtr) -> [XMLValidationError] {
        guard let validationContext = xmlSchemaNewValidCtxt(schema) else {
            return [XMLValidationError(line: 0, message: "libxml2 could not allocate a schema validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(validationContext) }
        let collector = LibXML2ErrorCollector()
        xmlSchemaSetValidStructuredErrors(validationContext, Self.recordError, collector.userData)
        let result = withExtendedLifetime(collector) { xmlSchemaValidateDoc(validationContext, document) }
        let errors = collector.errors.map { XMLValidationError(line: $0.line, message: $0.message) }
        if errors.isEmpty && result != 0 {
            return [XMLValidationError(line: 0, message: "libxml2 failed to validate the document (result \(result))")]
        }
        return errors
    }

    private static let recordError: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        LibXML2ErrorCollector.from(userData: userData).record(error.pointee)
    }
}
