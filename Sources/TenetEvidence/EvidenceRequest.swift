import Foundation

/// What an auditor asked for: a period and, optionally, the rules of one pack or a few rules.
public struct EvidenceRequest: Sendable {
    public var from: Date
    public var to: Date
    /// The rules to report on; every rule recorded in the period when nil.
    public var rules: Set<String>?
    /// The pack the rules came from, named in the manifest.
    public var pack: String?
    /// The version of the Tenet that writes the bundle.
    public var toolVersion: String
    public var createdAt: Date

    public init(from: Date, to: Date, rules: Set<String>? = nil, pack: String? = nil, toolVersion: String, createdAt: Date = Date()) {
        self.from = from
        self.to = to
        self.rules = rules
        self.pack = pack
        self.toolVersion = toolVersion
        self.createdAt = createdAt
    }

    func selects(_ rule: String) -> Bool { rules?.contains(rule) ?? true }
}
