/// A rule pack's data table: typed columns and rows keyed by string, with an optional default row.
///
/// `circuit_policy[case.circuit].rule` reads column `rule` of the row for the case's circuit;
/// a key with no row and no default gives an error value naming the table and the key.
public struct DataTable: Sendable {
    /// The name rules use for the table.
    public let name: String
    /// The columns in declaration order, with their types.
    public let columns: [(name: String, type: ExpressionType)]
    /// Each row's values in column order; a missing column value is `.null` (unknown).
    let rows: [String: [Value]]
    /// The default row's values in column order, if the table has one.
    let defaultRow: [Value]?

    /// A table; row and default-row values are given by column name, and missing ones are unknown.
    public init(name: String, columns: [(name: String, type: ExpressionType)], rows: [String: [String: Value]], defaultRow: [String: Value]?) {
        self.name = name
        self.columns = columns
        func ordered(_ row: [String: Value]) -> [Value] { columns.map { row[$0.name] ?? .null } }
        self.rows = rows.mapValues(ordered)
        self.defaultRow = defaultRow.map(ordered)
    }

    /// The slot of the named column.
    func column(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The row for `key`, falling back to the default row.
    func row(for key: String) -> [Value]? { rows[key] ?? defaultRow }
}
