import TenetInventory

/// Orders (resource, rule) pairs as their texts would sort, without comparing strings per pair:
/// a million verdicts name a few thousand distinct ids, so each id is ranked once and the pairs
/// are radix-sorted by rank. The sort is stable: equal pairs keep the order in which they were
/// appended, which is how callers tell a previous verdict from a new one.
struct PairOrder {
    private var rules = Ranking<String>()
    private var resources = Ranking<ResourceID>()
    private var ruleIndices: [Int32] = []
    private var resourceIndices: [Int32] = []

    init(capacity: Int) {
        ruleIndices.reserveCapacity(capacity)
        resourceIndices.reserveCapacity(capacity)
    }

    var count: Int { ruleIndices.count }

    mutating func append(rule: String, resource: ResourceID) {
        ruleIndices.append(rules.intern(rule))
        resourceIndices.append(resources.intern(resource))
    }

    /// Whether the pairs appended at `first` and `second` are equal.
    func same(_ first: Int, _ second: Int) -> Bool {
        ruleIndices[first] == ruleIndices[second] && resourceIndices[first] == resourceIndices[second]
    }

    /// The rule ids appended, by number.
    var ruleIDs: [String] { rules.keys }

    /// The number of the rule appended at `position`, an index into `ruleIDs`.
    func ruleNumber(at position: Int) -> Int { Int(ruleIndices[position]) }

    /// The positions of the appended pairs, by resource, then rule: resource first is the order a
    /// scan lists its evaluations in, so walking them in it reads memory in sequence.
    func sortedPositions() -> [Int] {
        let order = Self.countingSort(Array(0..<count), ranks: rules.ranks(), of: ruleIndices)
        return Self.countingSort(order, ranks: resources.ranks(), of: resourceIndices)
    }

    /// One stable pass of a least-significant-first radix sort.
    private static func countingSort(_ order: [Int], ranks: [Int32], of indices: [Int32]) -> [Int] {
        var starts = [Int](repeating: 0, count: ranks.count + 1)
        for position in order { starts[Int(ranks[Int(indices[position])]) + 1] += 1 }
        for rank in ranks.indices { starts[rank + 1] += starts[rank] }
        var sorted = [Int](repeating: 0, count: order.count)
        for position in order {
            let rank = Int(ranks[Int(indices[position])])
            sorted[starts[rank]] = position
            starts[rank] += 1
        }
        return sorted
    }
}

/// Distinct keys numbered in the order first seen, and ranked by their sort order.
struct Ranking<Key: Hashable & Comparable> {
    private(set) var keys: [Key] = []
    private var numbers: [Key: Int32] = [:]
    private var last: Int32 = -1

    /// The key's number; keys usually repeat in runs or cycles, so the last one and its successor
    /// are tried before hashing.
    mutating func intern(_ key: Key) -> Int32 {
        if last >= 0 {
            if keys[Int(last)] == key { return last }
            if Int(last) + 1 < keys.count, keys[Int(last) + 1] == key {
                last += 1
                return last
            }
        }
        if let number = numbers[key] {
            last = number
            return number
        }
        last = Int32(keys.count)
        numbers[key] = last
        keys.append(key)
        return last
    }

    /// Each key's rank in ascending order, by number.
    func ranks() -> [Int32] {
        var ranks = [Int32](repeating: 0, count: keys.count)
        for (rank, number) in sortedNumbers().enumerated() { ranks[number] = Int32(rank) }
        return ranks
    }

    /// The keys' numbers in ascending key order.
    func sortedNumbers() -> [Int] {
        keys.indices.sorted { keys[$0] < keys[$1] }
    }
}
