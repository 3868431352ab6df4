import Foundation

/// Reads evidence items from a CSV file whose header names `EvidenceItem` fields.
///
/// Nested grading fields are written `grading.uk_category`; list cells separate values with `;`;
/// an empty cell is an absent fact. Rows are read into `ColumnBlock`s, column by column. References
/// are checked as rows are read against the ids the rest of the bundle defines, so a million-row
/// listing needs no second pass.
struct TabularEvidenceReader {
    let schema: BundleSchema
    let reader: CSVReader
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

    /// Reads `csv`'s records from `state` into `builder`, calling `body` with each block it fills;
    /// reading from record 0 makes `builder` from the header. Returns the state after the last
    /// record. Throws the first syntax error or a problem with the header.
    @discardableResult
    func readRows(
        _ csv: CSVReader, from state: CSVReader.ScanState = .init(), builder: inout BlockBuilder?,
        chunk: (Data) -> Void = { _ in }, _ body: (ColumnBlock) -> Void
    ) throws(DiagnosticError) -> CSVReader.ScanState {
        try csv.forEachRow(from: state, chunk: chunk) { (row) throws(DiagnosticError) in
            guard row.number > 0 else {
                builder = try makeBuilder(header: row)
                return
            }
            if let block = builder?.add(row) { body(block) }
        }
    }

    /// The builder for rows under `header`.
    ///
    /// - Throws: `DiagnosticError` for unknown, repeated or missing columns.
    private func makeBuilder(header: CSVReader.Row) throws(DiagnosticError) -> BlockBuilder {
        guard let itemType = schema.type(named: "EvidenceItem") else { preconditionFailure("schema lacks EvidenceItem") }
        var nestedTypes: [Int: RecordType] = [:]
        if let slot = itemType.slot(of: "grading"), let gradingType = schema.type(named: "Grading") { nestedTypes[slot] = gradingType }
        return BlockBuilder(
            itemType: itemType, nestedTypes: nestedTypes, columns: try plan(header: header, itemType: itemType, nestedTypes: nestedTypes),
            file: reader.file, blockSize: blockSize, knownIDs: knownIDs)
    }

    private func plan(header: CSVReader.Row, itemType: RecordType, nestedTypes: [Int: RecordType]) throws(DiagnosticError) -> [BlockBuilder.Column] {
        var columns: [BlockBuilder.Column] = []
        var names: [String] = []
        var problems: [Diagnostic] = []
        let nestedNames = nestedTypes.sorted { $0.key < $1.key }.flatMap { slot, type in
            type.fieldNames.map { "\(itemType.fields[slot].name).\($0)" }
        }
        let allowed = itemType.fields.filter { !Self.isRecord($0.type) }.map(\.name) + nestedNames
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
