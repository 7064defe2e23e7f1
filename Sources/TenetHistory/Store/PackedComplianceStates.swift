import TenetScan

/// Both stores' current-compliance speed tables keep one row per resource whose `states` column
/// packs every rule's verdict on it, rather than one row per (rule, resource) pair: a recording
/// reads the whole previous state, and ten thousand rows read and decode far faster than a million.
///
/// Each verdict is six unsigned LEB128 numbers: the rule's, resource type's, rule version's and
/// checks' ids in the store's name table, the state's code, and the block its state began in
/// (`CurrentVerdict.since`). The table is derived from the transitions, and `verify` decodes and
/// compares it, so its compactness costs no tamper evidence.
public struct PackedComplianceStates: Sendable {
    public struct Verdict: Equatable, Sendable {
        public var rule: Int64
        public var resourceType: Int64
        public var state: ComplianceState
        public var ruleVersion: Int64
        public var checks: Int64
        public var since: Int64

        public init(rule: Int64, resourceType: Int64, state: ComplianceState, ruleVersion: Int64, checks: Int64, since: Int64) {
            self.rule = rule
            self.resourceType = resourceType
            self.state = state
            self.ruleVersion = ruleVersion
            self.checks = checks
            self.since = since
        }
    }

    public var verdicts: [Verdict] = []

    public init(verdicts: [Verdict] = []) { self.verdicts = verdicts }

    /// Decodes a stored column; throws on bytes no Tenet wrote.
    public init(decoding bytes: [UInt8]) throws {
        var position = 0
        func number() throws -> Int64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count, shift < 64 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return Int64(bitPattern: value) }
                shift += 7
            }
            throw HistoryError(.storeUnavailable, "the current-compliance table holds a malformed row")
        }
        while position < bytes.count {
            let rule = try number()
            let resourceType = try number()
            let code = try number()
            guard let state = Self.states.indices.contains(Int(code)) ? Self.states[Int(code)] : nil else {
                throw HistoryError(.storeUnavailable, "the current-compliance table holds an unknown state code \(code)")
            }
            verdicts.append(Verdict(
                rule: rule, resourceType: resourceType, state: state, ruleVersion: try number(), checks: try number(), since: try number()))
        }
    }

    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(verdicts.count * 9)
        func append(_ number: Int64) {
            var value = UInt64(bitPattern: number)
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
        for verdict in verdicts {
            append(verdict.rule)
            append(verdict.resourceType)
            append(Self.code(of: verdict.state))
            append(verdict.ruleVersion)
            append(verdict.checks)
            append(verdict.since)
        }
        return bytes
    }

    /// Sets (or, with nil, removes) the rule's verdict.
    public mutating func set(rule: Int64, to verdict: Verdict?) {
        if let index = verdicts.firstIndex(where: { $0.rule == rule }) {
            if let verdict { verdicts[index] = verdict } else { verdicts.remove(at: index) }
        } else if let verdict {
            verdicts.append(verdict)
        }
    }

    /// State codes as stored: positions in this list, which only ever grows at its end.
    private static let states: [ComplianceState] = [.compliant, .nonCompliant, .notApplicable, .error, .insufficientData]

    private static func code(of state: ComplianceState) -> Int64 {
        switch state {
        case .compliant: 0
        case .nonCompliant: 1
        case .notApplicable: 2
        case .error: 3
        case .insufficientData: 4
        }
    }
}
