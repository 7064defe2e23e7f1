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
        var hasher = SHA256()
        // Lines are hashed in batches: the digest of the concatenation is the same, and a million
        // rows cost a few hundred hash calls instead of a million.
        var lines: [UInt8] = []
        lines.reserveCapacity(1 << 16)
        func emit(_ table: String, _ fields: [String?]) {
            JSONWriter.writeString(table, to: &lines)
            for field in fields {
                lines.append(UInt8(ascii: ","))
                if let field { JSONWriter.writeString(field, to: &lines) } else { lines.append(contentsOf: "null".utf8) }
            }
            lines.append(UInt8(ascii: "\n"))
            if lines.count >= 1 << 16 {
                hasher.update(data: lines)
                lines.removeAll(keepingCapacity: true)
            }
        }
        emit("block", ["tenet-history-v1", previousDigest, source.rawValue, String(sequence), kind.rawValue,
                       String(HistoryTime.milliseconds(capturedAt)), header])
        for version in content.versions {
            emit("version", [version.resourceID.rawValue, version.resourceType.rawValue, version.status.rawValue,
                             version.configurationHash, version.configuration])
        }
        for change in content.changes {
            emit("change", [change.resourceID.rawValue, change.path, change.oldValue, change.newValue])
        }
        for transition in content.transitions {
            emit("transition", [transition.ruleID, transition.resourceID.rawValue, transition.resourceType.rawValue,
                                transition.oldState?.rawValue, transition.newState?.rawValue, transition.ruleVersionHash,
                                transition.checks])
        }
        for summary in content.summaries {
            emit("summary", [summary.ruleID, summary.ruleVersionHash, summary.state.rawValue, String(summary.count)])
        }
        for resource in content.baselineResources {
            emit("baseline-resource", [resource.resourceID.rawValue, resource.resourceType.rawValue, resource.configurationHash,
                                       resource.configuration])
        }
        for compliance in content.baselineCompliance {
            emit("baseline-compliance", [compliance.key.ruleID, compliance.key.resourceID.rawValue, compliance.resourceType.rawValue,
                                         compliance.state.rawValue, compliance.ruleVersionHash, compliance.checks])
        }
        hasher.update(data: lines)
        return Hex.encode(hasher.finalize())
    }

    public static func compute(block: Block, content: BlockContent) -> String {
        compute(source: block.source, sequence: block.sequence, kind: block.kind, capturedAt: block.capturedAt, header: block.header,
                previousDigest: block.previousDigest, content: content)
    }
}
