import Crypto
import Foundation

/// Turns each data record of a tool's listing into a row of the bundle's `evidence.csv`.
///
/// Every cell goes through `EvidenceCell`; references are checked against the ids the bundle
/// defines; rows without an id column get a stable generated id; and an item whose hash matches
/// a CyberTip file in the bundle is linked to it. Problems name the record number (1 = the first
/// row under the header) and the source column, at the cell's line and column.
struct EvidenceRowConverter {
    let header: EvidenceHeader
    let mapping: EvidenceMapping
    /// The columns of the `evidence.csv` being written.
    let outputColumns: [String]
    /// Canonical texts of the mapping's constants and `--set` values.
    let constants: [String: String]
    /// Ids the rest of the bundle defines, by collection.
    let knownIDs: [String: Set<String>]
    /// CyberTip file ids by lowercase SHA-256 and MD5.
    let cyberTipFiles: CyberTipHashIndex
    private let outputIndex: [String: Int]

    init(header: EvidenceHeader, mapping: EvidenceMapping, outputColumns: [String], constants: [String: String],
         knownIDs: [String: Set<String>], cyberTipFiles: CyberTipHashIndex) {
        self.header = header
        self.mapping = mapping
        self.outputColumns = outputColumns
        self.constants = constants
        self.knownIDs = knownIDs
        self.cyberTipFiles = cyberTipFiles
        outputIndex = Dictionary(uniqueKeysWithValues: outputColumns.enumerated().map { ($1, $0) })
    }

    /// A converted row: its id, its cells in output order, and whether it was linked to a CyberTip file.
    struct Row {
        var id: String
        var cells: [String]
        var linked: Bool
        fileprivate var index: [String: Int]

        /// The cell of a column, `nil` when empty or not written.
        func value(_ column: String) -> String? {
            index[column].map { cells[$0] }?.nonEmpty
        }
    }

    /// Converts data record `number`; on problems appends diagnostics and returns `nil`.
    func convert(_ record: ChunkedCSVReader.Record, number: Int, diagnostics: inout [Diagnostic]) -> Row? {
        var values = constants
        var failed = false
        var failedFields: Set<String> = []
        for source in header.sources {
            let location = record.positions[source.index]
            let value: String?
            do throws(ScalarConverter.Failure) {
                value = try EvidenceCell.convert(record.fields[source.index], field: source.field, type: source.type, mapping: mapping)
            } catch {
                diagnostics.append(Diagnostic(id: error.id, message: "record \(number), column '\(source.column)': \(error.message)",
                                              at: location, hint: error.hint))
                failed = true
                failedFields.insert(source.field)
                continue
            }
            guard let value else { continue }
            if let collection = EvidenceFields.referencedCollection(source.type), knownIDs[collection]?.contains(value) != true {
                let dangling = ReferenceChecker.dangling(field: source.field, id: value, collection: collection,
                                                         known: knownIDs[collection] ?? [], at: location, record: nil)
                diagnostics.append(Diagnostic(id: dangling.id, message: "record \(number), column '\(source.column)': \(dangling.message)",
                                              at: location, hint: dangling.hint))
                failed = true
                continue
            }
            values[source.field] = source.field == "id" ? mapping.idPrefix + value : value
        }
        let start = record.positions.first ?? SourceLocation(file: "", line: 1, column: 1)
        if values["id"] == nil {
            if mapping.column(for: "id") != nil {
                diagnostics.append(missing("id", number: number, at: start, hint: "give every row an id"))
                failed = true
            } else if let sha256 = values["sha256"] {
                values["id"] = generatedID(sha256: sha256, device: values["device"], path: values["path"])
            } else {
                diagnostics.append(missing("sha256", number: number, at: start,
                                           hint: "rows need a SHA-256 when the listing has no id column; ids are made from it"))
                failed = true
            }
        }
        if values["location"] == nil, !failedFields.contains("location") {
            diagnostics.append(missing("location", number: number, at: start,
                                       hint: "map the tool's location word in 'values', or give one with --set location=…"))
            failed = true
        }
        guard !failed, let id = values["id"] else { return nil }
        var linked = false
        if values["cybertip_file"] == nil, let file = cyberTipFiles.match(sha256: values["sha256"], md5: values["md5"]) {
            values["cybertip_file"] = file
            linked = true
        }
        var cells = [String](repeating: "", count: outputColumns.count)
        for (field, value) in values {
            if let index = outputIndex[field] { cells[index] = value }
        }
        return Row(id: id, cells: cells, linked: linked, index: outputIndex)
    }

    /// A stable id for a row without one: the prefix and 20 hex digits of SHA-256 over the file's
    /// hash, device and path, so the same file at the same place gets the same id on every import,
    /// while copies of one file at different places stay separate items.
    func generatedID(sha256: String, device: String?, path: String?) -> String {
        let key = [sha256, device ?? "", path ?? ""].joined(separator: "\u{0}")
        let hex = SHA256.hash(data: Data(key.utf8)).prefix(10).map { String(format: "%02x", $0) }.joined()
        return (mapping.idPrefix.isEmpty ? "E-" : mapping.idPrefix) + hex
    }

    private func missing(_ field: String, number: Int, at location: SourceLocation, hint: String) -> Diagnostic {
        let source = mapping.column(for: field).map { ", column '\($0.source)'" } ?? ""
        return Diagnostic(id: "import.missing-field", message: "record \(number)\(source): '\(field)' must not be empty",
                          at: location, hint: hint)
    }
}
