import Foundation

/// Reads evidence items from a listing: a CSV file whose header names `EvidenceItem` fields, or a
/// JSON Lines file whose objects do.
///
/// In CSV, nested grading fields are written `grading.uk_category`, list cells separate values
/// with `;`, and an empty cell is an absent fact; in JSON Lines, grading is a nested object, lists
/// are arrays, and a key left out or `null` is an absent fact. Rows are read into `ColumnBlock`s,
/// column by column. References are checked as rows are read against the ids the rest of the
/// bundle defines, so a million-row listing needs no second pass.
struct TabularEvidenceReader {
    let schema: BundleSchema
    let reader: ListingReader
    /// Ids defined elsewhere in the bundle, by collection key.
    let knownIDs: [String: Set<String>]
    /// Stop collecting after this many problems; the rest of the file is still checked for syntax.
    static let diagnosticLimit = 200

    /// Rows per block handed to `forEachBlock`'s body.
    var blockSize = 16_384

    /// Calls `body` with each item as its row is read; see `forEachBlock`.
    func forEachItem(chunk: (Data) -> Void = { _ in }, _ body: (Record) -> Void) throws(DiagnosticError) {
        try forEachBlock(chunk: chunk) { block in
            for row in 0..<block.count { body(block.record(at: row)) }
        }
    }

    /// Calls `body` with each block of up to `blockSize` items, in file order, so callers need not
    /// hold every item; `chunk` sees the file's bytes as they are read. Throws all problems found,
    /// after the last row.
    func forEachBlock(chunk: (Data) -> Void = { _ in }, _ body: (ColumnBlock) -> Void) throws(DiagnosticError) {
        var builder: BlockBuilder?
        try readRows(reader, builder: &builder, chunk: chunk, body)
        if let block = builder?.finish() { body(block) }
        if let diagnostics = builder?.diagnostics, !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
    }

    /// Reads `listing`'s records from `state` into `builder`, calling `body` with each block it
    /// fills; reading a CSV file from record 0 makes `builder` from the header. Returns the state
    /// after the last record.
    ///
    /// - Throws: the first CSV syntax error, a problem with a CSV header, or a read failure.
    @discardableResult
    func readRows(
        _ listing: ListingReader, from state: ListingScanState = .init(), builder: inout BlockBuilder?,
        chunk: (Data) -> Void = { _ in }, _ body: (ColumnBlock) -> Void
    ) throws(DiagnosticError) -> ListingScanState {
        switch listing {
        case .csv(let csv):
            return try csv.forEachRow(from: state, chunk: chunk) { (row) throws(DiagnosticError) in
                guard row.number > 0 else {
                    builder = try makeBuilder(header: row)
                    return
                }
                if let block = builder?.add(row) { body(block) }
            }
        case .jsonLines(let json):
            if builder == nil { builder = makeBuilder(columns: allColumns()) }
            let layout = JSONLinesReader.Layout(columns: builder?.columns ?? [], nestedKey: Self.nestedKey)
            return try json.forEachRow(from: state, layout: layout, chunk: chunk) { row in
                if let block = builder?.add(row) { body(block) }
            }
        }
    }

    /// The builder for rows under `header`.
    ///
    /// - Throws: `DiagnosticError` for unknown, repeated or missing columns.
    private func makeBuilder(header: CSVReader.Row) throws(DiagnosticError) -> BlockBuilder {
        makeBuilder(columns: try plan(header: header))
    }

    private func makeBuilder(columns: [BlockBuilder.Column]) -> BlockBuilder {
        BlockBuilder(itemType: itemType, nestedTypes: nestedTypes, columns: columns, file: reader.file, format: reader.format,
                     blockSize: blockSize, knownIDs: knownIDs)
    }

    /// The key of the nested grading record in a JSON Lines item (`grading.` prefixes its CSV columns).
    static let nestedKey = "grading"

    private var itemType: RecordType {
        guard let itemType = schema.type(named: "EvidenceItem") else { preconditionFailure("schema lacks EvidenceItem") }
        return itemType
    }

    private var nestedTypes: [Int: RecordType] {
        guard let slot = itemType.slot(of: Self.nestedKey), let gradingType = schema.type(named: "Grading") else { return [:] }
        return [slot: gradingType]
    }

    /// The names of every column a listing may have: the item's fields, then the grading fields as `grading.…`.
    private var columnNames: [String] {
        let itemType = itemType
        let nestedNames = nestedTypes.sorted { $0.key < $1.key }.flatMap { slot, type in
            type.fieldNames.map { "\(itemType.fields[slot].name).\($0)" }
        }
        return itemType.fields.filter { !Self.isRecord($0.type) }.map(\.name) + nestedNames
    }

    /// A column for every field a JSON Lines item may give.
    private func allColumns() -> [BlockBuilder.Column] {
        let (itemType, nestedTypes) = (itemType, nestedTypes)
        return columnNames.compactMap { Self.column(named: $0, itemType: itemType, nestedTypes: nestedTypes) }
    }

    private func plan(header: CSVReader.Row) throws(DiagnosticError) -> [BlockBuilder.Column] {
        let (itemType, nestedTypes, allowed) = (itemType, nestedTypes, columnNames)
        var columns: [BlockBuilder.Column] = []
        var names: [String] = []
        var problems: [Diagnostic] = []
        for (index, name) in header.fields.enumerated() {
            let location = header.location(ofField: index)
            if let column = Self.column(named: name, itemType: itemType, nestedTypes: nestedTypes) {
                guard !names.contains(name) else {
                    problems.append(Diagnostic(id: "bundle.duplicate-key", message: "column '\(name)' appears twice in the header",
                                               at: location, hint: "remove one of the two columns"))
                    continue
                }
                names.append(name)
                columns.append(column)
            } else {
                problems.append(Diagnostic(
                    id: "bundle.unknown-key", message: "unknown column '\(name)' for evidence items", at: location,
                    hint: Suggestion.didYouMean(name, in: allowed) ?? "allowed columns: \(allowed.joined(separator: ", "))"))
            }
        }
        for field in itemType.fields where field.required && !names.contains(field.name) {
            problems.append(Diagnostic(id: "bundle.missing-field", message: "the header has no '\(field.name)' column",
                                       at: header.location(ofField: 0), hint: "add a '\(field.name)' column"))
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return columns
    }

    /// The column for header `name`: a field of the item, or `record.field` of a nested record.
    private static func column(named name: String, itemType: RecordType, nestedTypes: [Int: RecordType]) -> BlockBuilder.Column? {
        let parts = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let slot = itemType.slot(of: parts[0]) else { return nil }
        let field: FieldSchema
        var key = ColumnBlock.FieldKey(slot: slot)
        if parts.count == 2 {
            guard let nestedType = nestedTypes[slot], let nested = nestedType.slot(of: parts[1]) else { return nil }
            key.nested = nested
            field = nestedType.fields[nested]
        } else {
            field = itemType.fields[slot]
        }
        guard let writer = ColumnWriter(name: name, type: field.type, required: field.required) else { return nil }
        var collection: String?
        if case .reference(let target) = field.type { collection = target }
        return BlockBuilder.Column(key: key, writer: writer, collection: collection)
    }

    private static func isRecord(_ type: FieldType) -> Bool {
        if case .record = type { return true }
        return false
    }
}
