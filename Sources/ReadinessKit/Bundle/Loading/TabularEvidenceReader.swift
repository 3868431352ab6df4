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

    /// Ids remembered per reference column.
    static let knownCacheSize = 8

    /// Rows per block handed to `forEachBlock`'s body.
    var blockSize = 16_384

    /// How one CSV column fills a field of the item (or of its nested grading record).
    private struct Column {
        var key: ColumnBlock.FieldKey
        var writer: ColumnWriter
        /// The collection a reference column points into, with a few ids found there (a cache: a
        /// listing names the same few devices over and over).
        var collection: String?
        var known: [[UInt8]] = []
    }

    /// Reads every row; returns the items or throws all problems found.
    func read() throws(DiagnosticError) -> [Value] {
        var items: [Value] = []
        try forEachItem { items.append(.record($0)) }
        return items
    }

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
        guard let itemType = schema.type(named: "EvidenceItem") else { preconditionFailure("schema lacks EvidenceItem") }
        var nestedTypes: [Int: RecordType] = [:]
        if let slot = itemType.slot(of: "grading"), let gradingType = schema.type(named: "Grading") { nestedTypes[slot] = gradingType }
        var columns: [Column] = []
        var required: [Int] = []
        var lines: [Int32] = []
        var count = 0
        var diagnostics: [Diagnostic] = []
        func flush() {
            guard !lines.isEmpty else { return }
            var finished: [ColumnBlock.FieldKey: ColumnBlock.Column] = [:]
            for index in columns.indices { finished[columns[index].key] = columns[index].writer.finish() }
            body(ColumnBlock(type: itemType, collection: "evidence", firstIndex: count - lines.count, count: lines.count,
                             columns: finished, nestedTypes: nestedTypes, file: reader.file, lines: lines))
            lines.removeAll(keepingCapacity: true)
        }
        try reader.forEachRow(chunk: chunk) { (row) throws(DiagnosticError) in
            if row.number == 0 {
                columns = try plan(header: row, itemType: itemType, nestedTypes: nestedTypes)
                required = columns.indices.filter { columns[$0].writer.required && columns[$0].key.nested == nil }
                    .sorted { columns[$0].key.slot < columns[$1].key.slot }
                return
            }
            guard diagnostics.count < TabularEvidenceReader.diagnosticLimit else { return }
            for index in columns.indices {
                do throws(ScalarConverter.Failure) {
                    try row.withField(index) { (cell) throws(ScalarConverter.Failure) in try columns[index].writer.append(cell) }
                } catch {
                    columns[index].writer.appendAbsent()
                    diagnostics.append(Diagnostic(id: error.id, message: "record \(row.number): \(error.message)",
                                                  at: row.location(ofField: index), hint: error.hint))
                    continue
                }
                if columns[index].collection != nil, columns[index].writer.lastPresent, let dangling = checkReference(&columns[index], row, index) {
                    diagnostics.append(dangling)
                }
            }
            for index in required where !columns[index].writer.lastPresent {
                let name = columns[index].writer.name
                diagnostics.append(Diagnostic(
                    id: "bundle.missing-field", message: "record \(row.number): '\(name)' must not be empty",
                    at: row.location(ofField: 0), hint: "fill in '\(name)' for every row"))
            }
            lines.append(Int32(clamping: row.line))
            count += 1
            if lines.count == blockSize { flush() }
        }
        flush()
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
    }

    /// A diagnostic when the reference in field `index` names no record of its collection.
    private func checkReference(_ column: inout Column, _ row: CSVReader.Row, _ index: Int) -> Diagnostic? {
        guard let collection = column.collection else { return nil }
        let cached = row.withField(index) { cell in column.known.contains { $0.elementsEqual(cell) } }
        if cached { return nil }
        let id = row.field(index)
        guard knownIDs[collection]?.contains(id) != true else {
            if column.known.count == Self.knownCacheSize { column.known.removeFirst() }
            column.known.append(Array(id.utf8))
            return nil
        }
        return ReferenceChecker.dangling(field: column.writer.name, id: id, collection: collection, known: knownIDs[collection] ?? [],
                                         at: row.location(ofField: index), record: row.number)
    }

    private func plan(header: CSVReader.Row, itemType: RecordType, nestedTypes: [Int: RecordType]) throws(DiagnosticError) -> [Column] {
        var columns: [Column] = []
        var names: [String] = []
        var problems: [Diagnostic] = []
        let nestedNames = nestedTypes.sorted { $0.key < $1.key }.flatMap { slot, type in
            type.fieldNames.map { "\(itemType.fields[slot].name).\($0)" }
        }
        let allowed = itemType.fields.filter { !Self.isRecord($0.type) }.map(\.name) + nestedNames
        for (index, name) in header.fields.enumerated() {
            let location = header.location(ofField: index)
            if names.contains(name) {
                problems.append(Diagnostic(id: "bundle.duplicate-key", message: "column '\(name)' appears twice in the header",
                                           at: location, hint: "remove one of the two columns"))
                continue
            }
            names.append(name)
            if let column = Self.column(named: name, itemType: itemType, nestedTypes: nestedTypes) {
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
    private static func column(named name: String, itemType: RecordType, nestedTypes: [Int: RecordType]) -> Column? {
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
        return Column(key: key, writer: writer, collection: collection)
    }

    private static func isRecord(_ type: FieldType) -> Bool {
        if case .record = type { return true }
        return false
    }
}
