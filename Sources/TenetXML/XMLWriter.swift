internal import CLibXML2

/// Writes one UTF-8 XML document into memory, element by element, for report writers, who may
/// take the bytes written so far as they go.
///
/// Everything written stays well-formed XML 1.0 whatever the strings hold: text and attribute
/// values are escaped by libxml2, and characters XML 1.0 cannot carry at all (control characters
/// other than tab, line feed and carriage return, and U+FFFE/U+FFFF; NUL included) are replaced by
/// U+FFFD REPLACEMENT CHARACTER. Replacing rather than dropping keeps a visible mark where the
/// original message had something; escaping as `&#1;` is not an option because such references
/// are themselves invalid in XML 1.0, and CI parsers reject the whole report.
///
/// Misuse (an invalid element name, an attribute after content, an unclosed element at
/// ``finish()``) is a programming error and stops the program, like an out-of-range index.
/// A writer belongs to one thread; it is not `Sendable`.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: OpaquePointer
    private var openElementCount = 0
    private var isFinished = false

    /// Starts a document with an `<?xml version="1.0" encoding="UTF-8"?>` declaration and
    /// two-space indentation, so reports stay readable in CI logs and diffs.
    public init() {
        _ = libxml2Initialization
        guard let buffer = xmlBufferCreate() else { fatalError("libxml2 could not allocate an output buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            fatalError("libxml2 could not allocate an XML writer")
        }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        write("start the document") { xmlTextWriterStartDocument($0, nil, "UTF-8", nil) }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    public func startElement(_ name: String) {
        precondition(Self.isValidName(name), "'\(name)' is not an XML element name")
        write("start element '\(name)'") { xmlTextWriterStartElement($0, name) }
        openElementCount += 1
    }

    /// Must follow ``startElement(_:)`` before any content of that element.
    public func attribute(_ name: String, _ value: String) {
        precondition(Self.isValidName(name), "'\(name)' is not an XML attribute name")
        write("write attribute '\(name)'") { xmlTextWriterWriteAttribute($0, name, Self.representable(value)) }
    }

    /// Escaped character data.
    public func text(_ text: String) {
        write("write text") { xmlTextWriterWriteString($0, Self.representable(text)) }
    }

    /// Character data as CDATA, which keeps multi-line failure details (templates, stack
    /// traces) readable in the raw report. A `]]>` inside the text is split across two sections,
    /// the only sequence a CDATA section cannot hold.
    public func cdata(_ text: String) {
        let text = Self.representable(text)
        // Nearly every text holds no terminator: written whole, it skips a split that walks the
        // text by `Character`, the costliest part of a large JUnit report's serial writing.
        guard Self.containsCDATATerminator(text) else {
            write("write CDATA") { xmlTextWriterWriteCDATA($0, text) }
            return
        }
        let sections = text.split(separator: "]]>", omittingEmptySubsequences: false)
        for (index, section) in sections.enumerated() {
            let prefix = index == 0 ? "" : ">"
            let suffix = index == sections.count - 1 ? "" : "]]"
            write("write CDATA") { xmlTextWriterWriteCDATA($0, prefix + section + suffix) }
        }
    }

    public func endElement() {
        precondition(openElementCount > 0, "endElement() without an open element")
        write("end an element") { xmlTextWriterEndElement($0) }
        openElementCount -= 1
    }

    /// Writes a whole element: its attributes in the given order, then whatever `content` writes.
    public func element(
        _ name: String,
        attributes: KeyValuePairs<String, String> = [:],
        _ content: () -> Void = {}
    ) {
        startElement(name)
        for (attributeName, value) in attributes { attribute(attributeName, value) }
        content()
        endElement()
    }

    /// How many written bytes wait in memory for ``takeWritten()`` or ``finish()``; libxml2 holds
    /// back a few kilobytes of its own until they are flushed.
    public var pendingByteCount: Int {
        Int(xmlBufferLength(buffer))
    }

    /// Hands over the bytes written so far and forgets them, so a large document can be passed on
    /// as it is written rather than held whole; ``finish()`` then returns only the rest.
    public func takeWritten() -> [UInt8] {
        write("flush the document") { xmlTextWriterFlush($0) }
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return [] }
        let bytes = Array(UnsafeBufferPointer(start: content, count: length))
        xmlBufferEmpty(buffer)
        return bytes
    }

    /// Ends the document and returns its bytes not yet taken. Every element must have been ended:
    /// closing them silently would hide a report writer's bug behind a well-formed but wrong
    /// document.
    public func finish() -> [UInt8] {
        precondition(openElementCount == 0, "finish() with \(openElementCount) element(s) still open")
        write("end the document") { xmlTextWriterEndDocument($0) }
        let rest = takeWritten()
        isFinished = true
        return rest
    }

    /// libxml2 reports a refused call (wrong state, no memory) as a negative result.
    private func write(_ action: @autoclosure () -> String, _ call: (OpaquePointer) -> Int32) {
        precondition(!isFinished, "the XML writer was used after finish()")
        let result = call(writer)
        precondition(result >= 0, "libxml2 could not \(action())")
    }

    /// A QName check; the NUL check matters because libxml2 would see only the part before it.
    private static func isValidName(_ name: String) -> Bool {
        !name.utf8.contains(0) && xmlValidateQName(name, 0) == 0
    }

    /// Whether `text` contains `]]>`, found over its bytes.
    private static func containsCDATATerminator(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = bytes.startIndex
            while let bracket = bytes[index...].firstIndex(of: UInt8(ascii: "]")) {
                if bracket + 2 < bytes.endIndex, bytes[bracket + 1] == UInt8(ascii: "]"), bytes[bracket + 2] == UInt8(ascii: ">") { return true }
                index = bracket + 1
            }
            return false
        }
    }

    private static func representable(_ text: String) -> String {
        guard mayHoldNonXML10Characters(text), text.unicodeScalars.contains(where: { !isXML10Character($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isXML10Character(scalar) ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    /// False when no byte can start a character XML 1.0 lacks: a control character other than
    /// tab, line feed and carriage return, or 0xEF, which leads U+FFFE and U+FFFF. Every string
    /// of a report passes here on the writing thread; a byte scan clears nearly all of them
    /// without decoding scalars.
    private static func mayHoldNonXML10Characters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { $0 < 0x20 ? $0 != 0x09 && $0 != 0x0A && $0 != 0x0D : $0 == 0xEF }
        }
    }

    /// The `Char` production of XML 1.0; surrogates cannot occur in a Swift string.
    private static func isXML10Character(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

@available(*, unavailable, message: "an XMLWriter drives one libxml2 writer and belongs to one thread")
extension XMLWriter: Sendable {}
