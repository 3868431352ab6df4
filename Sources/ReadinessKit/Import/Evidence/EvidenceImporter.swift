import Foundation

/// Imports a forensic tool's file listing into a bundle's `evidence.csv`, streaming.
///
/// Memory stays bounded whatever the listing's size: rows are read in chunks, converted and
/// written one at a time, and only a 16-byte key per evidence id is kept for the duplicate check.
/// Rows whose id is already in the bundle are skipped, so importing twice adds nothing. The
/// existing `evidence.csv` is copied row by row into the new one (gaining any new columns), which
/// then replaces it atomically with the rest of the import.
///
///     let mapping = try EvidencePresets.mapping(named: "examplar")
///     let report = try EvidenceImporter().importListing("export.csv", into: "cases/2026-CR-0142",
///                                                       mapping: mapping, set: ["device": "D1"])
public struct EvidenceImporter: Sendable {
    /// The bundle schema rows are checked against.
    public let schema: BundleSchema

    /// Stop collecting problems after this many; the import fails either way.
    static let diagnosticLimit = 200

    /// An importer for `schema`.
    public init(schema: BundleSchema = .v1) {
        self.schema = schema
    }

    /// Imports the listing at `path` into the bundle folder `bundle`.
    ///
    /// - Parameters:
    ///   - set: Values given to every imported row (e.g. `["device": "D1"]`), overriding the mapping's `set:`.
    ///   - idPrefix: Put before every imported id, overriding the mapping's `id_prefix`.
    /// - Returns: What was added, skipped and linked, with warnings.
    /// - Throws: `DiagnosticError` naming the record and column of every problem; the bundle is then unchanged.
    public func importListing(
        _ path: String, into bundle: String, mapping: EvidenceMapping, set: [String: String] = [:],
        idPrefix: String? = nil, options: ImportOptions = ImportOptions()
    ) throws(DiagnosticError) -> ImportReport {
        let fields = EvidenceFields(schema: schema)
        var mapping = try mappingWithOverrides(mapping, set: set, fields: fields)
        if let idPrefix { mapping.idPrefix = idPrefix }
        let layout = try BundleLayout(path: bundle, schema: schema)
        try checkEvidenceIsTabular(layout)
        let commit = try ImportCommit(bundle: bundle, layout: layout, options: options)
        let transaction = try BundleTransaction(folder: bundle)
        return try commit.run(transaction, report: ImportReport(bundle: bundle)) { (report) throws(DiagnosticError) in
            try stageEvidence(path, layout: layout, mapping: mapping, fields: fields, transaction: transaction, report: &report)
        }
    }

    private func stageEvidence(
        _ path: String, layout: BundleLayout, mapping: EvidenceMapping, fields: EvidenceFields,
        transaction: BundleTransaction, report: inout ImportReport
    ) throws(DiagnosticError) {
        var source = try ChunkedCSVReader(path: path, delimiter: mapping.delimiter)
        defer { source.close() }
        let header = try EvidenceHeader(reading: &source, mapping: mapping, fields: fields)
        source.expectedWidth = header.width
        if !header.unusedColumns.isEmpty {
            report.diagnostics.append(Diagnostic(
                .note, id: "import.unused-columns",
                message: "columns not imported (the mapping does not name them): \(header.unusedColumns.map { "'\($0)'" }.joined(separator: ", "))",
                at: header.location))
        }
        let existing = try ExistingEvidence(path: layout.sectionFiles["evidence"])
        let cyberTipFiles = CyberTipHashIndex(cyberTips: layout.sectionNode("cybertips"))
        var wanted = Set(mapping.columns.map(\.field)).union(mapping.constants.keys).union(["id"])
        if !cyberTipFiles.isEmpty { wanted.insert("cybertip_file") }
        let columns = existing.header + fields.ordered(wanted).filter { !existing.header.contains($0) }
        var knownIDs: [String: Set<String>] = [:]
        for key in ["devices", "victims", "cybertip_files", "witnesses"] { knownIDs[key] = layout.ids(in: key) }
        let constants = try canonicalConstants(mapping, fields: fields)
        for (field, value) in constants.sorted(by: { $0.key < $1.key }) {
            guard let type = fields.type(of: field), let collection = EvidenceFields.referencedCollection(type),
                knownIDs[collection]?.contains(value) != true
            else { continue }
            var dangling = ReferenceChecker.dangling(field: field, id: value, collection: collection, known: knownIDs[collection] ?? [],
                                                     at: SourceLocation(file: mapping.origin, line: 1, column: 1), record: nil)
            dangling.location = nil
            dangling.message = "value for '\(field)': " + dangling.message
            throw DiagnosticError(dangling)
        }
        let converter = EvidenceRowConverter(
            header: header, mapping: mapping, outputColumns: columns,
            constants: constants, knownIDs: knownIDs, cyberTipFiles: cyberTipFiles)

        var writer = try CSVWriter(path: transaction.stage("evidence.csv"))
        try writer.write(columns)
        var index = try existing.copy(into: &writer, width: columns.count)
        var problems: [Diagnostic] = []
        var added = 0, present = 0, linked = 0, number = 0, duplicates = 0
        while let record = try source.next() {
            number += 1
            guard problems.count < EvidenceImporter.diagnosticLimit else { continue }
            guard let row = converter.convert(record, number: number, diagnostics: &problems) else { continue }
            let identity = EvidenceIndex.identity(id: row.id, sha256: row.value("sha256"), device: row.value("device"),
                                                  path: row.value("path"))
            switch index.add(id: row.id, identity: identity) {
            case .new:
                guard problems.isEmpty else { continue }
                try writer.write(row.cells)
                added += 1
                if row.linked { linked += 1 }
            case .alreadyInBundle:
                present += 1
            case .repeatedInListing:
                present += 1
                guard duplicates < EvidenceImporter.diagnosticLimit else { continue }
                duplicates += 1
                report.diagnostics.append(Diagnostic(
                    .warning, id: "import.duplicate-row",
                    message: "record \(number): the same item as an earlier row (id '\(row.id)'); the row was skipped",
                    at: record.positions.first, hint: "check the export for repeated rows"))
            case .collision:
                problems.append(Diagnostic(
                    id: "import.id-collision",
                    message: "record \(number): id '\(row.id)' is already used by a different file (other hash, device or path)",
                    at: record.positions.first,
                    hint: "give this listing's ids a prefix with --id-prefix (e.g. --id-prefix D2-), or map a different id column"))
            }
        }
        try writer.close()
        guard problems.isEmpty else {
            if problems.count >= EvidenceImporter.diagnosticLimit {
                problems.append(Diagnostic(.note, id: "import.too-many-problems",
                                           message: "stopped reporting after \(EvidenceImporter.diagnosticLimit) problems", at: nil))
            }
            throw DiagnosticError(problems + report.diagnostics)
        }
        report.added["evidence"] = added
        report.alreadyPresent["evidence"] = present
        report.linked = linked
        if added == 0 {
            transaction.discard()  // nothing new: leave evidence.csv byte for byte as it was
        }
    }

    private func mappingWithOverrides(
        _ mapping: EvidenceMapping, set: [String: String], fields: EvidenceFields
    ) throws(DiagnosticError) -> EvidenceMapping {
        var mapping = mapping
        for (field, value) in set.sorted(by: { $0.key < $1.key }) {
            guard fields.type(of: field) != nil else {
                throw DiagnosticError(Diagnostic(
                    id: "import.mapping-unknown-field", message: "--set names '\(field)', which is not an evidence item field",
                    at: nil, hint: Suggestion.didYouMean(field, in: fields.names) ?? "fields: \(fields.names.joined(separator: ", "))"))
            }
            mapping.constants[field] = value
        }
        guard mapping.provides("location") else {
            throw DiagnosticError(Diagnostic(
                id: "import.mapping-incomplete", message: "nothing gives 'location', which every evidence item needs", at: nil,
                hint: "map a column to 'location' in the mapping, or give one value for all rows with --set location=allocated"))
        }
        guard mapping.provides("id") || mapping.column(for: "sha256") != nil else {
            throw DiagnosticError(Diagnostic(
                id: "import.mapping-incomplete", message: "the mapping has neither an 'id' nor a 'sha256' column", at: nil,
                hint: "map the tool's item number to 'id', or its SHA-256 column to 'sha256' so ids can be made from it"))
        }
        return mapping
    }

    private func canonicalConstants(_ mapping: EvidenceMapping, fields: EvidenceFields) throws(DiagnosticError) -> [String: String] {
        var result: [String: String] = [:]
        for (field, text) in mapping.constants {
            guard let type = fields.type(of: field) else { continue }
            do throws(ScalarConverter.Failure) {
                if let value = try EvidenceCell.convert(text, field: field, type: type, mapping: EvidenceMapping(origin: "")) {
                    result[field] = value
                }
            } catch {
                throw DiagnosticError(Diagnostic(id: error.id, message: "value for '\(field)': \(error.message)", at: nil, hint: error.hint))
            }
        }
        return result
    }

    /// Refuses bundles that keep evidence in YAML: the loader accepts one place for a section, and
    /// moving YAML items (with their comments) into CSV is a step the user should take knowingly.
    private func checkEvidenceIsTabular(_ layout: BundleLayout) throws(DiagnosticError) {
        let file = layout.sectionsInMainFile.contains("evidence") ? layout.mainFile : layout.sectionFiles["evidence"]
        guard let file, ListingFormat(path: file) != .csv else { return }
        if ListingFormat(path: file) == .jsonLines {
            throw DiagnosticError(Diagnostic(
                id: "import.evidence-in-jsonl", message: "the bundle keeps its evidence items in '\(file)'; imports write evidence.csv",
                at: SourceLocation(file: file, line: 1, column: 1),
                hint: "add the tool's items with the exporter that writes '\(file)', or import into a bundle whose listing is "
                    + "evidence.csv; nothing was changed"))
        }
        throw DiagnosticError(Diagnostic(
            id: "import.evidence-in-yaml", message: "the bundle keeps its evidence items in '\(file)'; imports write evidence.csv",
            at: SourceLocation(file: file, line: 1, column: 1),
            hint: "move the items into evidence.csv (one column per field, e.g. id,device,location,sha256) and remove them from "
                + "'\(file)', then import again; nothing was changed"))
    }
}
