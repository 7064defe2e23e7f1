import TenetDocument

/// Secrets are dropped where they enter Tenet — at collection — so that no inventory, report,
/// history record or export downstream can hold one, whatever it later does with the data.
public enum SecretRedaction {
    /// What stands in place of a removed value. A string, so rules that only test presence
    /// (`Password exists`) still see a value there.
    public static let marker = "<redacted>"

    /// Words that, as a whole word of a property name, say its value is a secret. Matched on
    /// words so that `PasswordPolicy`, `TokenValidity` or `SecretArn` stay readable: they name
    /// a reference to a secret or a setting about one, not the secret itself.
    static let secretWords: [[String]] = [
        ["password"], ["passwd"], ["secret"], ["token"], ["private", "key"], ["secret", "key"],
        ["secret", "access", "key"], ["secret", "string"], ["client", "secret"], ["auth", "token"],
        ["api", "key"], ["passphrase"], ["credentials"],
    ]

    /// Trailing words that turn a secret-sounding name into a reference or a setting.
    static let harmlessSuffixes: Set<String> = [
        "arn", "id", "ids", "name", "policy", "validity", "length", "type", "version", "enabled", "required",
        "rotation", "reset", "age", "location", "parameter", "source", "path", "ttl", "manager", "kms", "url",
        "expiration", "units", "settings", "config", "configuration", "count",
    ]

    /// Whether a property of this name holds a secret: `MasterUserPassword`, `ClientSecret`,
    /// `AuthToken`, `PrivateKey`, `SecretString` — but not `MasterUserSecret` (a setting that
    /// names a Secrets Manager secret), `PasswordPolicy` or `KmsKeyId`.
    public static func isSecretName(_ name: String) -> Bool {
        guard mayEndInSecretWord(name) else { return false }
        let words = splitWords(name)
        guard let last = words.last, !harmlessSuffixes.contains(last) else { return false }
        if name == "MasterUserSecret" || name == "SecretArn" { return false }
        return secretWords.contains { phrase in
            words.count >= phrase.count && Array(words.suffix(phrase.count)) == phrase
        }
    }

    /// False when no secret name can occur in `text`: it is ASCII and the last word of no secret
    /// phrase appears in it, in any case. A test of the bytes, made before the costlier search
    /// for names in each line a report quotes.
    public static func mayHoldSecretName(_ text: String) -> Bool {
        mayHoldSecretName(Array(text.utf8)[...])
    }

    /// The same test of a line as bytes, as a report quotes it from its file.
    public static func mayHoldSecretName(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
        let lowered = bytes.map(lowercased)
        return secretStems.contains(where: lowered.containsBytes)
    }

    private static let secretStems: [[UInt8]] = Set(secretWords.compactMap(\.last)).sorted().map { Array($0.utf8) }

    /// False when an ASCII name, less trailing separators, does not end in the last word of a
    /// secret phrase, in any case: its last word cannot be that word. Collection asks this of
    /// every key of a template, and almost all fail here without the allocations of
    /// `splitWords`: one pass over the name's bytes in place, then a comparison per stem.
    private static func mayEndInSecretWord(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            var end = 0
            for (position, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return true }
                if byte != UInt8(ascii: "_") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") { end = position + 1 }
            }
            guard end > 0 else { return false }
            let last = lowercased(bytes[end - 1])
            return secretStems.contains { stem in
                guard stem.count <= end, stem[stem.count - 1] == last else { return false }
                return zip(bytes[(end - stem.count)..<end], stem).allSatisfy { lowercased($0) == $1 }
            }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// `MasterUserPassword` → `["master", "user", "password"]`; `DB_PASSWORD` → `["db", "password"]`.
    static func splitWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            if character == "_" || character == "-" || character == "." {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let before = previous, before.isLowercase || before.isNumber {
                if !current.isEmpty { words.append(current) }
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }
}
