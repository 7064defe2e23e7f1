import TenetScan

/// Turns one scan result into the bytes of one report format.
///
/// Encoders are pure: everything they print comes from the result, the options, and the source
/// lines of the files the result points into (read through `options.sources`, which redacts
/// secret-named properties). They never add a clock, a host name or an absolute path of their
/// own, so the same result always gives the same bytes.
public protocol ReportEncoder: Sendable {
    /// The report handed to `write` in pieces, in order, as they are made: a report on every
    /// resource of a large run need not be held whole before it is printed.
    func encode(_ result: ScanResult, options: ReportOptions, into write: ([UInt8]) -> Void)
}

extension ReportEncoder {
    /// The whole report at once, for callers that keep it in memory (tests, small outputs).
    public func encode(_ result: ScanResult, options: ReportOptions) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(result, options: options) { bytes += $0 }
        return bytes
    }
}
