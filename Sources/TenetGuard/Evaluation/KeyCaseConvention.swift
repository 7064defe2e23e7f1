import Foundation

/// cfn-guard's undocumented retry of a missing map key under other case conventions
/// (`Properties.bucket_name` finds `BucketName`).
///
/// The spellings are computed once per key part of a parsed rule (see `KeySpellings`), so a
/// miss costs a few dictionary lookups, not string conversions per document.
enum KeyCaseConvention: CaseIterable {
    case camel
    case classCase
    case kebab
    case pascal
    case snake
    case title
    case train

    /// The key's spellings other than itself: one per convention (nil where it is the key), and
    /// the distinct ones in cfn-guard's search order.
    static func spellings(of key: String) -> KeyRetries<String> {
        let words = splitWords(key)
        let byConvention: [String?] = allCases.map { convention in
            guard !words.isEmpty else { return nil }
            let spelling = convention.render(words)
            return spelling == key || spelling.isEmpty ? nil : spelling
        }
        var search: [(convention: Int, spelling: String)] = []
        for (index, spelling) in byConvention.enumerated() {
            guard let spelling, !search.contains(where: { $0.spelling == spelling }) else { continue }
            search.append((index, spelling))
        }
        return KeyRetries(byConvention: byConvention, search: search)
    }

    private func render(_ words: [String]) -> String {
        let lower = words.map { $0.lowercased() }
        let capitalized = lower.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        switch self {
        case .camel: return ([lower[0]] + capitalized.dropFirst()).joined()
        case .classCase:
            // Inflector's class case also singularises the last word; the common English plural
            // ending is what matters for property names.
            var parts = capitalized
            if let last = parts.last, last.count > 1, last.hasSuffix("s"), !last.hasSuffix("ss") {
                parts[parts.count - 1] = String(last.dropLast())
            }
            return parts.joined()
        case .kebab: return lower.joined(separator: "-")
        case .pascal: return capitalized.joined()
        case .snake: return lower.joined(separator: "_")
        case .title: return capitalized.joined(separator: " ")
        case .train: return capitalized.joined(separator: "-")
        }
    }

    /// Splits at every character that is not a letter or digit and at lower-to-upper case changes
    /// (`bucketName` → bucket, Name; `!Ref` → Ref), as the Inflector crate cfn-guard uses does.
    private static func splitWords(_ key: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in key {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

/// A key a rules file names, shared by every query part that names it, with its spellings under
/// cfn-guard's case conventions (`KeyRetries`).
///
/// The spellings are computed when a lookup first misses, not when the rule is parsed: most keys are always found
/// as written, and working out seven spellings of every key of every rule parsed was a tenth of
/// the time to a first answer.
public final class KeySpellings: @unchecked Sendable {
    private let key: String
    /// The key's number among its rules file's distinct keys.
    let number: Int
    private let lock = NSLock()
    private var computed: KeyRetries<String>?

    init(of key: String, number: Int) {
        self.key = key
        self.number = number
    }

    var retries: KeyRetries<String> {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let spellings = KeyCaseConvention.spellings(of: key)
        computed = spellings
        return spellings
    }
}
