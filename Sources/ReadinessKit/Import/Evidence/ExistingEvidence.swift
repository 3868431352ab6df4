/// The bundle's current `evidence.csv`, copied row by row into the new one.
struct ExistingEvidence {
    /// The current header, or empty when the bundle has no `evidence.csv`.
    let header: [String]
    private let path: String?
    private let idColumn: Int?

    /// Reads the header of the file at `path` (if any).
    init(path: String?) throws(DiagnosticError) {
        self.path = path
        guard let path else {
            header = []
            idColumn = nil
            return
        }
        var reader = try ChunkedCSVReader(path: path)
        defer { reader.close() }
        header = try reader.next()?.fields ?? []
        idColumn = header.firstIndex(of: "id")
    }

    /// Copies every row into `writer`, padded to `width` cells, and returns the ids seen.
    func copy(into writer: inout CSVWriter, width: Int) throws(DiagnosticError) -> SeenKeys {
        var seen = SeenKeys()
        guard let path else { return seen }
        var reader = try ChunkedCSVReader(path: path)
        defer { reader.close() }
        guard try reader.next() != nil else { return seen }
        reader.expectedWidth = header.count
        let padding = [String](repeating: "", count: max(0, width - header.count))
        while let record = try reader.next() {
            if let idColumn { seen.insert(record.fields[idColumn]) }
            try writer.write(padding.isEmpty ? record.fields : record.fields + padding)
        }
        return seen
    }
}
