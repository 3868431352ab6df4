import Foundation

/// The header row of a tool's listing, found by looking for the mapping's columns.
///
/// Tools often write a preamble (case name, export date) above the header, so the header is the
/// first of the first `searchLimit` records that holds every column the mapping names (compared
/// without surrounding spaces and ignoring letter case). Records above it are skipped.
struct EvidenceHeader {
    /// One mapped column: its index in the row, its header text and the field it fills.
    struct Source {
        var index: Int
        var column: String
        var field: String
        var type: FieldType
    }

    static let searchLimit = 100

    let sources: [Source]
    /// Header cells no mapping entry names; they are not imported.
    let unusedColumns: [String]
    /// Records skipped above the header.
    let preambleRecords: Int
    let width: Int
    let location: SourceLocation

    /// Reads records from `reader` until the header; leaves the reader at the first data row.
    init(reading reader: inout ChunkedCSVReader, mapping: EvidenceMapping, fields: EvidenceFields) throws(DiagnosticError) {
        let wanted = mapping.columns.map { EvidenceHeader.normalized($0.source) }
        var best: (record: ChunkedCSVReader.Record, missing: [String])?
        while let record = try reader.next() {
            let names = record.fields.map(EvidenceHeader.normalized)
            let missing = mapping.columns.filter { !names.contains(EvidenceHeader.normalized($0.source)) }.map(\.source)
            if missing.isEmpty {
                var sources: [Source] = []
                for column in mapping.columns {
                    let key = EvidenceHeader.normalized(column.source)
                    let indices = names.indices.filter { names[$0] == key }
                    if indices.count > 1 {
                        throw DiagnosticError(Diagnostic(
                            id: "import.csv.duplicate-column", message: "column '\(column.source)' appears \(indices.count) times in the header",
                            at: record.positions[indices[1]], hint: "rename one of them in the export, or map by a different column"))
                    }
                    guard let index = indices.first, let type = fields.type(of: column.field) else { continue }
                    sources.append(Source(index: index, column: record.fields[index], field: column.field, type: type))
                }
                self.sources = sources
                unusedColumns = record.fields.enumerated()
                    .filter { !wanted.contains(EvidenceHeader.normalized($0.element)) && !$0.element.isEmpty }.map(\.element)
                preambleRecords = record.index
                width = record.fields.count
                location = record.positions[0]
                return
            }
            if best == nil || missing.count < (best?.missing.count ?? Int.max) { best = (record, missing) }
            if record.index + 1 >= EvidenceHeader.searchLimit { break }
        }
        guard let best else {
            throw DiagnosticError(Diagnostic(id: "import.csv.empty", message: "the listing is empty",
                                             at: SourceLocation(file: reader.file, line: 1, column: 1)))
        }
        let missing = best.missing.map { "'\($0)'" }.joined(separator: ", ")
        throw DiagnosticError(Diagnostic(
            id: "import.csv.no-header",
            message: "no header row with the mapping's columns in the first \(EvidenceHeader.searchLimit) records; the closest lacks \(missing)",
            at: best.record.positions[0],
            hint: "check the export's column names against the mapping (\(mapping.origin)), and its delimiter"))
    }

    private static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
