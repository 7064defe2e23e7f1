import TenetInventory

/// Every resource's place in a scan result's order — by document, then id — decided once for all
/// the resources the documents hold, before any rule runs. Ordering a large run's hundreds of
/// thousands of verdicts then compares no strings and hashes nothing: a verdict's place is its
/// resource's rank. The same resource in two documents (a template's, and the account document
/// `check` assembles from it) has one rank.
struct ResourceOrder: Sendable {
    /// The number of distinct ranks.
    let count: Int
    /// By slot: each document's entries, then its account, then its unreadable types.
    private let ranks: [Int32]
    private let firstSlots: [Int]
    private let accountSlots: [Int]
    private let insufficientDataSlots: [[ResourceType: Int]]

    init(_ documents: [ScanDocument]) {
        let documentOrder = Dictionary(documents.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        func key(_ resource: ScannedResource) -> (document: Int, id: ResourceID) { (documentOrder[resource.document] ?? 0, resource.id) }
        var keys: [(document: Int, id: ResourceID)] = []
        var firstSlots: [Int] = []
        var accountSlots: [Int] = []
        var insufficientDataSlots: [[ResourceType: Int]] = []
        for document in documents {
            firstSlots.append(keys.count)
            keys.append(contentsOf: document.entries.map { key($0.resource) })
            accountSlots.append(keys.count)
            keys.append(key(document.account))
            var slots: [ResourceType: Int] = [:]
            for type in document.insufficientTypes.keys {
                slots[type] = keys.count
                keys.append(key(document.insufficientDataResource(of: type)))
            }
            insufficientDataSlots.append(slots)
        }
        let sorted = keys.indices.sorted { keys[$0] < keys[$1] }
        var ranks = [Int32](repeating: 0, count: keys.count)
        var rank: Int32 = -1
        for (position, slot) in sorted.enumerated() {
            if position == 0 || keys[sorted[position - 1]] != keys[slot] { rank += 1 }
            ranks[slot] = rank
        }
        count = Int(rank) + 1
        self.ranks = ranks
        self.firstSlots = firstSlots
        self.accountSlots = accountSlots
        self.insufficientDataSlots = insufficientDataSlots
    }

    func rank(of subject: Verdicts.Subject, inDocument document: Int) -> Int32 {
        switch subject {
        case .entry(let entry): ranks[firstSlots[document] + entry]
        case .account: ranks[accountSlots[document]]
        case .insufficientData(let type): ranks[insufficientDataSlots[document][type]!]
        }
    }
}
