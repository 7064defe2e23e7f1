import TenetDocument
import TenetReports

/// One table of an evidence bundle, written twice from the same rows: JSON Lines for tools and
/// CSV for spreadsheets, so the two files can never say different things.
public struct EvidenceTable: Sendable {
    /// One value of a row.
    public enum Cell: Sendable, Equatable {
        case value(Value)
        /// Compact JSON text as the history store keeps it (a configuration, a changed value, the
        /// failing checks), written as it is rather than parsed and written again.
        case json(String)

        public static let null = Cell.value(.null)
        public static func string(_ text: String) -> Cell { .value(.string(text)) }
        public static func int(_ number: Int64) -> Cell { .value(.int(number)) }
        public static func strings(_ texts: [String]) -> Cell { .value(.list(texts.map(Value.string))) }
    }

    /// The file stem: `rules` becomes `rules.jsonl` and `rules.csv`.
    public var name: String
    public var columns: [String]
    /// Each row holds one cell per column.
    public var rows: [[Cell]]

    public init(name: String, columns: [String], rows: [[Cell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    public var jsonLinesFile: String { name + ".jsonl" }
    public var csvFile: String { name + ".csv" }

    /// One compact JSON object per row, keys in column order; stored JSON stays JSON.
    public var jsonLines: [UInt8] {
        var output: [UInt8] = []
        for row in rows {
            output.append(UInt8(ascii: "{"))
            for (index, (column, cell)) in zip(columns, row).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(column, to: &output)
                output.append(UInt8(ascii: ":"))
                switch cell {
                case .json(let text): output.append(contentsOf: text.utf8)
                case .value(.string(let text)): JSONWriter.writeString(text, to: &output)
                case .value(let value): output.append(contentsOf: Self.text(value).utf8)
                }
            }
            output.append(contentsOf: "}\n".utf8)
        }
        return output
    }

    /// RFC 4180 with a header row, as the scan report's CSV; lists, objects and stored JSON as
    /// compact JSON.
    public var csv: [UInt8] {
        var text = CSVReportEncoder.row(columns)
        for row in rows {
            text += CSVReportEncoder.row(row.map { cell in
                switch cell {
                case .json(let json): json
                case .value(.null): ""
                case .value(.string(let string)): string
                case .value(let value): Self.text(value)
                }
            })
        }
        return Array(text.utf8)
    }

    /// A value's compact JSON.
    private static func text(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .float(let number): JSONWriter.format(number)
        case .string, .list, .map: JSONWriter(style: .compact).string(for: Document(value: value).root)
        }
    }
}
