/// The bundle's current `evidence.csv`, copied row by row into the new one.
struct ExistingEvidence {
    /// The current header, or empty when the bundle has no `evidence.csv`.
    let header: [String]
    private let path: String?
    private let idColumn: Int?
    private let identityColumns: [Int?]

    /// Reads the header of the file at `path` (if any).
    init(path: String?) throws(DiagnosticError) {
        self.path = path
        guard let path else {
            header = []
            idColumn = nil
            identityColumns = []
            return
        }
        var reader = try ChunkedCSVReader(path: path)
        defer { reader.close() }
        let fields = try reader.next()?.fields ?? []
        header = fields
        idColumn = fields.firstIndex(of: "id")
        identityColumns = ["sha256", "device", "path"].map { fields.firstIndex(of: $0) }
    }

    /// Copies every row into `writer`, padded to `width` cells, and returns the index of its items.
    func copy(into writer: inout CSVWriter, width: Int) throws(DiagnosticError) -> EvidenceIndex {
        var index = EvidenceIndex()
        guard let path else { return index }
        var reader = try ChunkedCSVReader(path: path)
        defer { reader.close() }
        guard try reader.next() != nil else { return index }
        reader.expectedWidth = header.count
        let padding = [String](repeating: "", count: max(0, width - header.count))
        while let record = try reader.next() {
            if let idColumn {
                let value = { (column: Int?) in column.map { record.fields[$0] } }
                let id = record.fields[idColumn]
                index.addExisting(id: id, identity: EvidenceIndex.identity(
                    id: id, sha256: value(identityColumns[0]), device: value(identityColumns[1]), path: value(identityColumns[2])))
            }
            try writer.write(padding.isEmpty ? record.fields : record.fields + padding)
        }
        return index
    }
}
