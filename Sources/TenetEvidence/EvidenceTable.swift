import TenetDocument
import TenetReports

/// One table of an evidence bundle, written twice from the same rows: JSON Lines for tools and
/// CSV for spreadsheets, so the two files can never say different things.
public struct EvidenceTable: Sendable {
    /// The file stem: `rules` becomes `rules.jsonl` and `rules.csv`.
    public var name: String
    public var columns: [String]
    /// Each row holds one value per column.
    public var rows: [[Value]]

    public init(name: String, columns: [String], rows: [[Value]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    public var jsonLinesFile: String { name + ".jsonl" }
    public var csvFile: String { name + ".csv" }

    /// One compact JSON object per row, keys in column order; embedded JSON (a configuration,
    /// the failing checks) stays JSON.
    public var jsonLines: [UInt8] {
        var output: [UInt8] = []
        let writer = JSONWriter(style: .compact)
        for row in rows {
            let object = Value.map(zip(columns, row).map { Value.Entry($0, $1) })
            writer.write(Document(value: object).root, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }

    /// RFC 4180 with a header row, as the scan report's CSV; lists and objects as compact JSON.
    public var csv: [UInt8] {
        var text = CSVReportEncoder.row(columns)
        for row in rows { text += CSVReportEncoder.row(row.map(Self.cell)) }
        return Array(text.utf8)
    }

    private static func cell(_ value: Value) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .float(let number): JSONWriter.format(number)
        case .string(let text): text
        case .list, .map: JSONWriter(style: .compact).string(for: Document(value: value).root)
        }
    }
}
