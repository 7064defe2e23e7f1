/// Text appended as bytes by the reports and diagnostics written for every finding of a large
/// run, without making a string for each piece.
extension Array where Element == UInt8 {
    /// `String(value)`'s bytes.
    public mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let start = count
        var rest = value.magnitude
        repeat {
            append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        self[start...].reverse()
    }

    /// Appends `count` spaces, copied from a run kept for the purpose: indentation and padding are
    /// appended several times for each of a large report's hundreds of thousands of findings, and
    /// appending a `repeatElement` goes element by element. The run is a static string, whose
    /// bytes no reference count guards: slicing a shared array retained it, and the cores writing
    /// a report contended for its count.
    public mutating func appendSpaces(_ count: Int) {
        spaceRun.withUTF8Buffer { spaces in
            guard count <= spaces.count else { return append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
            append(contentsOf: UnsafeBufferPointer(rebasing: spaces[..<count]))
        }
    }
}

/// 64 spaces.
private let spaceRun: StaticString = "                                                                "
