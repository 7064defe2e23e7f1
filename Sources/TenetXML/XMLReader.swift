internal import CLibXML2

/// Reads whole documents into ``XMLElement`` trees.
///
/// A tree rather than a stream because the documents read here, AWS API responses, are at most a
/// few megabytes, and decoders want to look things up by path.
public enum XMLReader {
    /// The root element of `bytes` (UTF-8 unless the XML declaration says otherwise).
    ///
    /// Throws for malformed XML and for any document with a DTD; see ``XMLParseError``.
    /// Safe to call from several threads at once.
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(XMLParseError) -> XMLElement {
        try HardenedXMLParser.withDocument(parsing: bytes) { (document) throws(XMLParseError) -> XMLElement in
            guard let root = xmlDocGetRootElement(document) else {
                throw XMLParseError(line: 0, column: 0, message: "Document has no root element")
            }
            return XMLElement(copying: root)
        }
    }
}

private extension XMLElement {
    /// Recursion is bounded: without `XML_PARSE_HUGE` libxml2 refuses documents nested deeper than 256.
    init(copying node: xmlNodePtr) {
        var children: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                children.append(XMLElement(copying: current))
            }
            child = current.pointee.next
        }

        var attributes: [Attribute] = []
        var property = node.pointee.properties
        while let current = property {
            attributes.append(Attribute(
                name: String(cString: current.pointee.name),
                namespaceURI: current.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
                value: Self.characterData(from: current.pointee.children)))
            property = current.pointee.next
        }

        self.init(
            name: String(cString: node.pointee.name),
            namespaceURI: node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
            attributes: attributes,
            children: children,
            text: Self.characterData(from: node.pointee.children),
            line: xmlGetLineNo(node))
    }

    /// Joins the text and CDATA nodes of a sibling list; other node kinds hold no character data
    /// of their own (entity references cannot occur, because documents with a DTD are refused).
    static func characterData(from firstNode: xmlNodePtr?) -> String {
        var text = ""
        var node = firstNode
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                text += String(cString: content)
            }
            node = current.pointee.next
        }
        return text
    }
}
