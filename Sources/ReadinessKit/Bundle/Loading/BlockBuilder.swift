/// Converts evidence rows into column writers and cuts them into `ColumnBlock`s, collecting the
/// problems of every cell (conversion, dangling references, required fields left empty).
struct BlockBuilder {
    let itemType: RecordType
    let nestedTypes: [Int: RecordType]
    private(set) var columns: [Column]
    let file: String
    let format: ListingFormat
    let blockSize: Int
    /// Ids defined elsewhere in the bundle, by collection key.
    let knownIDs: [String: Set<String>]
    /// Problems found so far; once there are `TabularEvidenceReader.diagnosticLimit`, rows are no longer converted.
    private(set) var diagnostics: [Diagnostic] = []
    /// The columns of required fields of the item, in schema order.
    private let required: [Int]
    /// The columns of references, checked against the ids the bundle defines.
    private let referenceColumns: [Int]
    private var lines: [Int32] = []
    /// The number of rows added.
    private(set) var count = 0
    /// Ids remembered per reference column.
    static let knownCacheSize = 8

    /// How one column (a CSV column, or a JSON key) fills a field of the item (or of its nested grading record).
    struct Column {
        var key: ColumnBlock.FieldKey
        var writer: ColumnWriter
        /// The collection a reference column points into, with a few ids found there (a cache: a
        /// listing names the same few devices over and over).
        var collection: String?
        var known: [[UInt8]] = []
    }

    init(itemType: RecordType, nestedTypes: [Int: RecordType], columns: [Column], file: String, format: ListingFormat,
         blockSize: Int, knownIDs: [String: Set<String>]) {
        self.itemType = itemType
        self.nestedTypes = nestedTypes
        self.columns = columns
        self.file = file
        self.format = format
        self.blockSize = blockSize
        self.knownIDs = knownIDs
        referenceColumns = columns.indices.filter { columns[$0].collection != nil }
        required = columns.indices.filter { columns[$0].writer.required && columns[$0].key.nested == nil }
            .sorted { columns[$0].key.slot < columns[$1].key.slot }
    }

    /// Adds a data row; returns a block when it fills one.
    mutating func add<Row: ListingRow>(_ row: Row) -> ColumnBlock? {
        guard diagnostics.count < TabularEvidenceReader.diagnosticLimit else { return nil }
        // One JSON line can hold hundreds of unknown or repeated keys: keep only what the limit leaves room for.
        if !row.problems.isEmpty { diagnostics += row.problems.prefix(TabularEvidenceReader.diagnosticLimit - diagnostics.count) }
        guard row.isItem else { return nil }
        if lines.isEmpty {
            for index in columns.indices { columns[index].writer.startBlock() }
        }
        // The cells are converted through one borrow of the columns, not a uniqueness check per cell.
        var failures: [(column: Int, failure: ScalarConverter.Failure)] = []
        columns.withUnsafeMutableBufferPointer { columns in
            for index in columns.indices {
                do throws(ScalarConverter.Failure) {
                    try row.write(index, into: &columns[index].writer)
                } catch {
                    columns[index].writer.appendAbsent()
                    failures.append((index, error))
                }
            }
        }
        var problems = failures.map { index, error in
            (index, Diagnostic(id: error.id, message: "record \(row.number): \(error.message)", at: row.location(ofField: index), hint: error.hint))
        }
        for index in referenceColumns where columns[index].writer.lastPresent {
            if let dangling = checkReference(index, row) { problems.append((index, dangling)) }
        }
        if !problems.isEmpty { diagnostics += problems.sorted { $0.0 < $1.0 }.map(\.1) }
        // A cell that failed to convert is already reported; it is not also reported as missing.
        for index in required where !columns[index].writer.lastPresent && !failures.contains(where: { $0.column == index }) {
            let name = columns[index].writer.name
            diagnostics.append(format == .csv
                ? Diagnostic(id: "bundle.missing-field", message: "record \(row.number): '\(name)' must not be empty",
                             at: row.location(ofField: 0), hint: "fill in '\(name)' for every row")
                : Diagnostic(id: "bundle.missing-field", message: "record \(row.number): '\(name)' is missing or null",
                             at: row.location(ofField: index), hint: "give '\(name)' for every item"))
        }
        lines.append(Int32(clamping: row.line))
        count += 1
        return lines.count == blockSize ? finish() : nil
    }

    /// The rows added since the last block, as a block (`nil` when there are none).
    mutating func finish() -> ColumnBlock? {
        guard !lines.isEmpty else { return nil }
        var finished: [ColumnBlock.FieldKey: ColumnBlock.Column] = [:]
        for index in columns.indices { finished[columns[index].key] = columns[index].writer.finish() }
        defer { lines.removeAll(keepingCapacity: true) }
        return ColumnBlock(type: itemType, collection: "evidence", firstIndex: count - lines.count, count: lines.count,
                           columns: finished, nestedTypes: nestedTypes, file: file, lines: lines)
    }

    /// This builder continuing at item `index`, after `diagnostics` (problems found before, which
    /// count towards the limit); it must have no rows waiting.
    func resumed(at index: Int, after diagnostics: [Diagnostic]) -> BlockBuilder {
        precondition(lines.isEmpty, "a builder resumed with rows waiting")
        var resumed = self
        resumed.count = index
        resumed.diagnostics = diagnostics
        return resumed
    }

    /// A diagnostic when the reference in column `index` names no record of its collection.
    private mutating func checkReference<Row: ListingRow>(_ index: Int, _ row: Row) -> Diagnostic? {
        guard let collection = columns[index].collection else { return nil }
        let cached = row.withField(index) { cell in columns[index].known.contains { $0.elementsEqual(cell) } }
        if cached { return nil }
        let id = row.field(index)
        guard knownIDs[collection]?.contains(id) != true else {
            if columns[index].known.count == Self.knownCacheSize { columns[index].known.removeFirst() }
            columns[index].known.append(Array(id.utf8))
            return nil
        }
        return ReferenceChecker.dangling(field: columns[index].writer.name, id: id, collection: collection,
                                         known: knownIDs[collection] ?? [], at: row.location(ofField: index), record: row.number)
    }
}
