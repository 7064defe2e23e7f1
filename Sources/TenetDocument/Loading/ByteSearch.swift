extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes, by a plain scan. The standard library's generic
    /// `firstRange(of:)` costs more in setup than the whole search on the short texts that hot
    /// paths test (a rule file, a quoted source line).
    public func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= count else { return false }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if haystack[start] == first {
                        var matched = 1
                        while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
