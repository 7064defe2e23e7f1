import PostgresNIO

/// Writes many rows of one block in a few statements: each column travels as one array
/// parameter and `unnest … WITH ORDINALITY` spreads them back into rows, numbering the ordinals.
/// A round trip per row would cap a first recording (a million transitions) far below the
/// 200,000 rows/s it needs.
struct PostgreSQLBulkInsert<Row> {
    /// One column: its name and how a row gives its value.
    struct Column {
        let name: String
        fileprivate let arrayType: String
        fileprivate let bind: (ArraySlice<Row>, inout PostgresBindings) -> Void

        static func text(_ name: String, _ value: @escaping (Row) -> String?) -> Column {
            Column(name: name, arrayType: "text[]") { rows, binds in binds.append(TextArray(elements: rows.map(value))) }
        }

        static func integer(_ name: String, _ value: @escaping (Row) -> Int64) -> Column {
            Column(name: name, arrayType: "bigint[]") { rows, binds in binds.append(rows.map(value)) }
        }
    }

    /// Rows per statement: large enough that round trips do not matter, small enough that one
    /// statement's parameters stay a few megabytes.
    static var chunk: Int { 20_000 }

    let table: String
    let columns: [Column]

    /// Sends the rows as (source, sequence, ordinal, columns…), one statement in flight at a time
    /// (a queued statement is never answered when the server goes away), the next chunk encoded
    /// while the server inserts the previous one.
    func run(_ rows: [Row], sourceID: Int64, sequence: Int64, on connection: PostgreSQLConnection) throws {
        guard !rows.isEmpty else { return }
        let names = columns.map(\.name).joined(separator: ", ")
        let arrays = columns.indices.map { "$\($0 + 4)::\(columns[$0].arrayType)" }.joined(separator: ", ")
        let sql = """
            INSERT INTO \(table) (source_id, sequence, ordinal, \(names))
            SELECT $1, $2, $3 + u.ordinality - 1, \(columns.map { "u.\($0.name)" }.joined(separator: ", "))
            FROM unnest(\(arrays)) WITH ORDINALITY AS u(\(names), ordinality)
            """
        var pending: EventLoopFuture<PostgresQueryResult>?
        for start in stride(from: 0, to: rows.count, by: Self.chunk) {
            let slice = rows[start..<min(start + Self.chunk, rows.count)]
            var binds = PostgresBindings(capacity: columns.count + 3)
            binds.append(sourceID)
            binds.append(sequence)
            binds.append(Int64(start))
            for column in columns { column.bind(slice, &binds) }
            if let pending { _ = try connection.wait(pending) }
            pending = connection.send(sql, binds)
        }
        if let pending { _ = try connection.wait(pending) }
    }
}

/// A `text[]` parameter in binary form, NULL elements included (postgres-nio's own array
/// encoding has no optional elements).
private struct TextArray: PostgresNonThrowingEncodable {
    var elements: [String?]

    static var psqlType: PostgresDataType { .textArray }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(elements.isEmpty ? 0 : 1))
        buffer.writeInteger(Int32(elements.contains(nil) ? 1 : 0))
        buffer.writeInteger(PostgresDataType.text.rawValue)
        guard !elements.isEmpty else { return }
        buffer.writeInteger(Int32(elements.count))
        buffer.writeInteger(Int32(1))
        for element in elements {
            guard let element else {
                buffer.writeInteger(Int32(-1))
                continue
            }
            let lengthAt = buffer.writerIndex
            buffer.writeInteger(Int32(0))
            let length = buffer.writeString(element)
            buffer.setInteger(Int32(length), at: lengthAt)
        }
    }
}
