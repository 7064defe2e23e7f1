internal import CLibXML2

/// The one way TenetXML turns bytes into a libxml2 document, shared by the reader and the schema
/// validator so both refuse the same hostile input.
///
/// Documents that declare a DTD are refused outright: no AWS response or JUnit report has one, and
/// without a DTD there is nothing to expand (billion laughs) and nothing external to fetch (XXE).
/// The parse is stopped right after the `<!DOCTYPE name …` header, before libxml2 reads a single
/// declaration of the internal subset or could fetch an external one. On top of that, the options
/// keep network access off and leave entity substitution, external DTD loading and
/// `XML_PARSE_HUGE` off, so libxml2's default limits on depth (256) and text size stay in force.
enum HardenedXMLParser {
    private static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses `bytes` and runs `body` on the document, which is freed when `body` returns.
    static func withDocument<Bytes: Collection<UInt8>, Result>(
        parsing bytes: Bytes,
        _ body: (xmlDocPtr) throws(XMLParseError) -> Result
    ) throws(XMLParseError) -> Result {
        _ = libxml2Initialization
        guard !bytes.isEmpty else { throw XMLParseError(line: 1, column: 1, message: "Document is empty") }
        guard bytes.count <= Int(Int32.max) else {
            throw XMLParseError(line: 0, column: 0, message: "Document of \(bytes.count) bytes is larger than libxml2 can read")
        }
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(line: 0, column: 0, message: "libxml2 could not allocate a parser context")
        }
        defer { xmlFreeParserCtxt(context) }

        // libxml2 passes the parser context (its own user data) to these callbacks, so the
        // collector rides along in the context's `_private` slot.
        let collector = LibXML2ErrorCollector()
        context.pointee._private = collector.userData
        context.pointee.sax.pointee.serror = { parserContext, error in
            guard let parserContext, let error else { return }
            let context = parserContext.assumingMemoryBound(to: xmlParserCtxt.self)
            LibXML2ErrorCollector.from(userData: context.pointee._private).record(error.pointee)
        }
        context.pointee.sax.pointee.internalSubset = { parserContext, _, _, _ in
            guard let parserContext else { return }
            let context = parserContext.assumingMemoryBound(to: xmlParserCtxt.self)
            let input = context.pointee.input.pointee
            LibXML2ErrorCollector.from(userData: context.pointee._private).record(
                line: Int(input.line), column: Int(input.col),
                message: "Document type declarations are not accepted (they allow entity expansion and external entities)")
            xmlStopParser(context)
        }

        let document = withExtendedLifetime(collector) { read(bytes, with: context) }
        defer { if let document { xmlFreeDoc(document) } }
        if let firstError = collector.errors.first { throw firstError }
        guard let document else {
            throw XMLParseError(line: 0, column: 0, message: "libxml2 returned no document and reported no error")
        }
        return try body(document)
    }

    private static func read<Bytes: Collection<UInt8>>(_ bytes: Bytes, with context: xmlParserCtxtPtr) -> xmlDocPtr? {
        let readBuffer = { (buffer: UnsafeBufferPointer<UInt8>) -> xmlDocPtr? in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, nil, options)
            }
        }
        return bytes.withContiguousStorageIfAvailable(readBuffer) ?? Array(bytes).withUnsafeBufferPointer(readBuffer)
    }
}
