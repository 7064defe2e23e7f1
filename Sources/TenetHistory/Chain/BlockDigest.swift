import Crypto
import Foundation
import TenetDocument

/// The SHA-256 that links a block to its predecessor and covers every history row it holds.
///
/// The input is a canonical byte form — one JSON array per row, rows in ordinal order, tables in a
/// fixed order — so the digest depends on the rows' content and order, never on how a database
/// returns or stores them.
public enum BlockDigest {
    /// The previous digest of a source's first block.
    public static let genesis = String(repeating: "0", count: 64)

    public static func compute(
        source: HistorySource, sequence: Int, kind: Block.Kind, capturedAt: Date, header: String, previousDigest: String,
        content: BlockContent
    ) -> String {
        var lines = CanonicalLines()
        lines.line("block", ["tenet-history-v1", previousDigest, source.rawValue, String(sequence), kind.rawValue,
                             String(HistoryTime.milliseconds(capturedAt)), header])
        for version in content.versions {
            lines.line("version", [version.resourceID.rawValue, version.resourceType.rawValue, version.status.rawValue,
                                   version.configurationHash, version.configuration])
        }
        for change in content.changes {
            lines.line("change", [change.resourceID.rawValue, change.path, change.oldValue, change.newValue])
        }
        // A first recording holds a million transitions: written field by field, read in place. A
        // resource's rows come together and mostly share its type and an empty check list, so those
        // fields are copied from the row above when they equal it rather than scanned again.
        var resource = CanonicalLines.Repeated(), type = CanonicalLines.Repeated(), checks = CanonicalLines.Repeated()
        content.transitions.withUnsafeBufferPointer { transitions in
            for index in transitions.indices {
                lines.start("transition")
                lines.field(transitions[index].ruleID)
                lines.field(transitions[index].resourceID.rawValue, repeating: &resource)
                lines.field(transitions[index].resourceType.rawValue, repeating: &type)
                lines.field(transitions[index].oldState?.rawValue)
                lines.field(transitions[index].newState?.rawValue)
                lines.field(transitions[index].ruleVersionHash)
                lines.field(transitions[index].checks, repeating: &checks)
                lines.end()
            }
        }
        for summary in content.summaries {
            lines.line("summary", [summary.ruleID, summary.ruleVersionHash, summary.state.rawValue, String(summary.count)])
        }
        for resource in content.baselineResources {
            lines.line("baseline-resource", [resource.resourceID.rawValue, resource.resourceType.rawValue, resource.configurationHash,
                                             resource.configuration])
        }
        for compliance in content.baselineCompliance {
            lines.line("baseline-compliance", [compliance.key.ruleID, compliance.key.resourceID.rawValue, compliance.resourceType.rawValue,
                                               compliance.state.rawValue, compliance.ruleVersionHash, compliance.checks])
        }
        return lines.digest()
    }

    public static func compute(block: Block, content: BlockContent) -> String {
        compute(source: block.source, sequence: block.sequence, kind: block.kind, capturedAt: block.capturedAt, header: block.header,
                previousDigest: block.previousDigest, content: content)
    }
}

/// The digest's input, one JSON array per row without its brackets, hashed in batches: the
/// digest of the concatenation is the same, and a million rows cost a few hundred hash calls.
private struct CanonicalLines {
    private var hasher = SHA256()
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func line(_ table: String, _ fields: [String?]) {
        start(table)
        for field in fields { self.field(field) }
        end()
    }

    mutating func start(_ table: String) { JSONWriter.writeString(table, to: &bytes) }

    mutating func field(_ text: String?) {
        bytes.append(UInt8(ascii: ","))
        if let text { JSONWriter.writeString(text, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// A field's last text and the bytes written for it.
    struct Repeated {
        fileprivate var text: String?
        fileprivate var bytes: [UInt8] = []
    }

    mutating func field(_ text: String, repeating last: inout Repeated) {
        if last.text != text {
            last.bytes.removeAll(keepingCapacity: true)
            JSONWriter.writeString(text, to: &last.bytes)
            last.text = text
        }
        bytes.append(UInt8(ascii: ","))
        bytes.append(contentsOf: last.bytes)
    }

    mutating func end() {
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= 1 << 16 {
            hasher.update(data: bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    mutating func digest() -> String {
        hasher.update(data: bytes)
        return Hex.encode(hasher.finalize())
    }
}
