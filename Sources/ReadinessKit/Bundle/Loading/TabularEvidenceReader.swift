import Foundation

/// Reads evidence items from a CSV file whose header names `EvidenceItem` fields.
///
/// Nested grading fields are written `grading.uk_category`; list cells separate values with `;`;
/// an empty cell is an absent fact. References are checked as rows are read against the ids the
/// rest of the bundle defines, so a million-row listing needs no second pass.
struct TabularEvidenceReader {
    let schema: BundleSchema
    let reader: CSVReader
    /// Ids defined elsewhere in the bundle, by collection key.
    let knownIDs: [String: Set<String>]
    /// Stop collecting after this many problems; the rest of the file is still checked for syntax.
    static let diagnosticLimit = 200

    /// How one CSV column fills a slot of the item (or of its nested record).
    private struct Column {
        var name: String
        var slot: Int
        var nestedSlot: Int?
        var type: FieldType
    }

    /// Reads every row; returns the items or throws all problems found.
    func read() throws(DiagnosticError) -> [Value] {
        var items: [Value] = []
        try forEachItem { items.append(.record($0)) }
        return items
    }

    /// Calls `body` with each item as its row is read, so callers need not hold every item;
    /// `chunk` sees the file's bytes as they are read. Throws all problems found, after the last row.
    func forEachItem(chunk: (Data) -> Void = { _ in }, _ body: (Record) -> Void) throws(DiagnosticError) {
        guard let itemType = schema.type(named: "EvidenceItem") else { preconditionFailure("schema lacks EvidenceItem") }
        let gradingSlot = itemType.slot(of: "grading")
        let gradingType = schema.type(named: "Grading")
        var columns: [Column] = []
        var count = 0
        var diagnostics: [Diagnostic] = []
        try reader.forEachRow(chunk: chunk) { (row) throws(DiagnosticError) in
            if row.number == 0 {
                columns = try plan(header: row, itemType: itemType, gradingType: gradingType)
                return
            }
            guard diagnostics.count < TabularEvidenceReader.diagnosticLimit else { return }
            var fields = [Value](repeating: .null, count: itemType.fields.count)
            var grading: [Value]?
            for (index, column) in columns.enumerated() {
                let value: Value
                do throws(ScalarConverter.Failure) {
                    value = try convert(row.fields[index], as: column.type, field: column.name)
                } catch {
                    diagnostics.append(Diagnostic(id: error.id, message: "record \(row.number): \(error.message)",
                                                  at: row.location(ofField: index), hint: error.hint))
                    continue
                }
                if case .reference(let collection) = column.type, case .string(let id) = value,
                    knownIDs[collection]?.contains(id) != true
                {
                    diagnostics.append(ReferenceChecker.dangling(
                        field: column.name, id: id, collection: collection, known: knownIDs[collection] ?? [],
                        at: row.location(ofField: index), record: row.number))
                }
                if let nested = column.nestedSlot, let gradingType {
                    if !value.isNull {
                        grading = grading ?? [Value](repeating: .null, count: gradingType.fields.count)
                        grading?[nested] = value
                    }
                } else {
                    fields[column.slot] = value
                }
            }
            let origin = Record.Origin.element(parent: nil, field: "evidence", index: count)
            let location = row.location(ofField: 0)
            if let grading, let gradingType, let gradingSlot {
                let parent = "evidence[\(itemType.idSlot.flatMap { fields[$0].stringValue } ?? String(count))]"
                fields[gradingSlot] = .record(Record(type: gradingType, fields: grading,
                                                     origin: .field(parent: parent, field: "grading"), location: location))
            }
            for (slot, field) in itemType.fields.enumerated() where field.required && fields[slot].isNull {
                diagnostics.append(Diagnostic(
                    id: "bundle.missing-field", message: "record \(row.number): '\(field.name)' must not be empty",
                    at: location, hint: "fill in '\(field.name)' for every row"))
            }
            count += 1
            body(Record(type: itemType, fields: fields, origin: origin, location: location))
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
    }

    private func plan(header: CSVReader.Row, itemType: RecordType, gradingType: RecordType?) throws(DiagnosticError) -> [Column] {
        var columns: [Column] = []
        var problems: [Diagnostic] = []
        let gradingNames = gradingType?.fieldNames.map { "grading.\($0)" } ?? []
        let allowed = itemType.fields.filter { $0.name != "grading" }.map(\.name) + gradingNames
        for (index, name) in header.fields.enumerated() {
            let location = header.location(ofField: index)
            if columns.contains(where: { $0.name == name }) {
                problems.append(Diagnostic(id: "bundle.duplicate-key", message: "column '\(name)' appears twice in the header",
                                           at: location, hint: "remove one of the two columns"))
            } else if name.hasPrefix("grading."), let gradingType, let slot = itemType.slot(of: "grading"),
                let nested = gradingType.slot(of: String(name.dropFirst(8)))
            {
                columns.append(Column(name: name, slot: slot, nestedSlot: nested, type: gradingType.fields[nested].type))
            } else if let slot = itemType.slot(of: name), name != "grading" {
                columns.append(Column(name: name, slot: slot, nestedSlot: nil, type: itemType.fields[slot].type))
            } else {
                problems.append(Diagnostic(
                    id: "bundle.unknown-key", message: "unknown column '\(name)' for evidence items", at: location,
                    hint: Suggestion.didYouMean(name, in: allowed) ?? "allowed columns: \(allowed.joined(separator: ", "))"))
            }
        }
        for field in itemType.fields where field.required && !columns.contains(where: { $0.name == field.name }) {
            problems.append(Diagnostic(id: "bundle.missing-field", message: "the header has no '\(field.name)' column",
                                       at: header.location(ofField: 0), hint: "add a '\(field.name)' column"))
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return columns
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[first...last])
    }

    private func convert(_ cell: String, as type: FieldType, field: String) throws(ScalarConverter.Failure) -> Value {
        guard case .list(let element) = type else {
            return try ScalarConverter.convert(cell, style: .cell, to: type, field: field)
        }
        if cell.isEmpty { return .null }
        var values: [Value] = []
        for part in cell.split(separator: ";", omittingEmptySubsequences: false) {
            let text = Self.trimmed(part)
            guard !text.isEmpty else {
                throw ScalarConverter.Failure(id: "bundle.wrong-type", message: "'\(field)' has an empty list entry",
                                              hint: "separate list values with ';' and leave no empty entries")
            }
            values.append(try ScalarConverter.convert(text, style: .cell, to: element, field: field))
        }
        return .list(values)
    }
}
