import TenetDocument

/// The keys a rules file names, as one document stores them, found when a query first needs each.
///
/// Every rule looks up the same few keys (`Properties`, `BucketName`) in every resource. Compared
/// as the document's key ids, a lookup costs an integer compare per entry instead of a string
/// compare, and a key no map of the document has, which is what nearly every one of cfn-guard's
/// case-convention retries looks for, is answered without reading a node.
struct DocumentKeys {
    private struct Entry {
        let key: KeyID?
        /// Found on the key's first miss: the key's other spellings this document has.
        var retries: KeyRetries<KeyID>?
    }

    let document: Document
    /// By `KeySpellings.number`.
    private var entries: [Entry?]

    init(document: Document, keyCount: Int) {
        self.document = document
        entries = Array(repeating: nil, count: keyCount)
    }

    /// The member of `map`, a node of `document`, under `key`, retried under other case conventions
    /// on a miss as cfn-guard does (`KeyRetries`).
    mutating func member(_ key: String, spellings: KeySpellings, of map: Node, convention: inout Int?) -> Node? {
        let number = spellings.number
        if entries[number] == nil { entries[number] = Entry(key: document.keyID(key)) }
        if let id = entries[number]!.key, let member = map[id] { return member }
        if entries[number]!.retries == nil { entries[number]!.retries = spellings.retries.translated(document.keyID) }
        return entries[number]!.retries!.member(convention: &convention) { map[$0] }
    }
}
