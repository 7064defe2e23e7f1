/// One element of a parsed document, holding everything a response decoder reads from it.
///
/// An immutable value with no libxml2 pointer inside, so a decoded response can be kept, shared
/// across threads and compared after the C document that produced it has been freed.
public struct XMLElement: Sendable, Hashable {
    public struct Attribute: Sendable, Hashable {
        /// The local name: `type` for `xsi:type`.
        public let name: String
        public let namespaceURI: String?
        public let value: String

        public init(name: String, namespaceURI: String? = nil, value: String) {
            self.name = name
            self.namespaceURI = namespaceURI
            self.value = value
        }
    }

    /// The local name, without prefix: decoders match AWS shapes by name whichever prefix or
    /// default namespace (S3's `http://s3.amazonaws.com/doc/2006-03-01/`) the service used.
    public let name: String
    public let namespaceURI: String?
    /// In document order, namespace declarations excluded.
    public let attributes: [Attribute]
    /// Child elements in document order; comments and processing instructions are dropped.
    public let children: [XMLElement]
    /// Character data directly inside this element, CDATA included, untrimmed. Descendants' text
    /// is left out so that a container's text is only its layout whitespace, never its leaves'
    /// values run together.
    public let text: String
    /// 1-based line of the start tag, for pointing at the offending part of a response.
    public let line: Int

    public init(
        name: String,
        namespaceURI: String? = nil,
        attributes: [Attribute] = [],
        children: [XMLElement] = [],
        text: String = "",
        line: Int = 0
    ) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The value of the first attribute with this local name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child with this local name: AWS wraps every scalar field in its own element.
    public func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// Every child with this local name, for list shapes such as `<item>` and `<member>`.
    public func children(_ name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The element reached by following the first child of each name in a `/`-separated path
    /// (`"volumeSet/item/volumeId"`); the empty path is this element.
    public func element(at path: String) -> XMLElement? {
        var current = self
        for step in path.split(separator: "/") {
            guard let next = current.child(String(step)) else { return nil }
            current = next
        }
        return current
    }

    /// The text of ``element(at:)``, or nil when the path leads nowhere: absent and empty
    /// fields stay distinguishable.
    public func text(at path: String) -> String? {
        element(at: path)?.text
    }
}
