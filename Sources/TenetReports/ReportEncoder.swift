import TenetScan

/// Turns one scan result into the bytes of one report format.
///
/// Encoders are pure: everything they print comes from the result, the options, and the source
/// lines of the files the result points into (read through `options.sources`, which redacts
/// secret-named properties). They never add a clock, a host name or an absolute path of their
/// own, so the same result always gives the same bytes.
public protocol ReportEncoder: Sendable {
    func encode(_ result: ScanResult, options: ReportOptions) -> [UInt8]
}
