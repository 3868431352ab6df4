import Crypto
import Foundation
import Yams

/// Loads a case bundle from a folder or a single YAML/JSON file, validating it completely.
///
/// Every problem is collected and reported with its file, line and column, sorted; a bundle with
/// any error is never returned. Warnings (e.g. a file that is not a section) come back with the bundle.
public struct BundleLoader: Sendable {
    public let schema: BundleSchema

    /// A validated bundle and the warnings found while loading it.
    public struct Loaded: Sendable {
        public var bundle: CaseBundle
        public var warnings: [Diagnostic]
        /// When loaded with `streamingEvidence`, the evidence listing still to be read (the bundle
        /// then holds no evidence items).
        public var evidenceStream: EvidenceStream?
    }

    /// The largest YAML or JSON file read, in bytes. Composing YAML takes several times its size
    /// in memory, so a bigger file is refused before it is read; an evidence listing (evidence.csv or
    /// evidence.jsonl) has no such limit.
    public static let documentByteLimit = 128 << 20

    public init(schema: BundleSchema = .v1) {
        self.schema = schema
    }

    /// Loads and validates the bundle at `path`.
    ///
    /// - Parameter streamingEvidence: leave an evidence listing (`evidence.csv` or `evidence.jsonl`) unread, to be streamed through
    ///   `Loaded.evidenceStream`; references into it are checked when it is read.
    /// - Throws: `DiagnosticError` with every error and warning found, sorted by location.
    public func load(_ path: String, streamingEvidence: Bool = false) throws(DiagnosticError) -> Loaded {
        let sectionNames = schema.root.fields.filter { $0.name != "format" && $0.name != "case" }.map(\.name)
        let files = try BundleFiles(path: path, sections: sectionNames)
        var diagnostics = files.warnings
        var rootFields = [Value](repeating: .null, count: schema.root.fields.count)
        var references: [PendingReference] = []
        var attachments: [PendingAttachment] = []
        var sources: [CaseBundle.SourceFile] = []
        var listingPart: BundleFiles.Part?
        var stream: EvidenceStream?

        for part in files.parts {
            if ListingFormat(path: part.path) != nil {
                listingPart = part
                continue
            }
            do throws(DiagnosticError) {
                let data = try files.read(part.path, limit: Self.documentByteLimit)
                sources.append(.init(path: part.path, sha256: BundleFiles.sha256(data)))
                let document = try YAMLDocument(text: try Self.text(of: data, file: part.path), file: part.path)
                var decoder = RecordDecoder(schema: schema, document: document)
                if let section = part.section {
                    decodeSection(section, document: document, decoder: &decoder, into: &rootFields, diagnostics: &diagnostics)
                } else {
                    decodeMain(document, decoder: &decoder, into: &rootFields, diagnostics: &diagnostics)
                }
                diagnostics += decoder.diagnostics
                references += decoder.references
                attachments += decoder.attachments
            } catch {
                diagnostics += error.diagnostics
            }
        }

        if let listingPart, let slot = schema.root.slot(of: "evidence"), !rootFields[slot].isNull {
            diagnostics.append(Diagnostic(
                id: "bundle.duplicate-section", message: "section 'evidence' is given both in the case file and in '\(listingPart.path)'",
                at: SourceLocation(file: listingPart.path, line: 1, column: 1), hint: "keep it in one place"))
        } else if let listingPart, streamingEvidence {
            do throws(DiagnosticError) {
                let partial = CaseBundle(schema: schema, root: rootRecord(rootFields), sources: [])
                _ = try files.tabularReader(listingPart.path, schema: schema, knownIDs: [:])
                stream = EvidenceStream(path: listingPart.path, schema: schema, knownIDs: partial.index.mapValues { Set($0.keys) },
                                        references: references.filter { $0.collection == "evidence" })
                references.removeAll { $0.collection == "evidence" }
            } catch {
                diagnostics += error.diagnostics
            }
        } else if let listingPart {
            do throws(DiagnosticError) {
                let partial = CaseBundle(schema: schema, root: rootRecord(rootFields), sources: [])
                let reader = try files.tabularReader(listingPart.path, schema: schema, knownIDs: partial.index.mapValues { Set($0.keys) })
                var hasher = SHA256()
                var items: [Value] = []
                try reader.forEachItem(chunk: { hasher.update(data: $0) }) { items.append(.record($0)) }
                sources.append(.init(path: listingPart.path, sha256: BundleFiles.hex(hasher.finalize())))
                if let slot = schema.root.slot(of: "evidence") { rootFields[slot] = .list(items) }
            } catch {
                diagnostics += error.diagnostics
            }
        }

        let bundle = CaseBundle(schema: schema, root: rootRecord(rootFields), sources: sources)
        diagnostics += ReferenceChecker(bundle: bundle).check(references)
        diagnostics += attachments.compactMap(files.checkAttachment)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticError(diagnostics) }
        return Loaded(bundle: bundle, warnings: diagnostics.sorted(), evidenceStream: stream)
    }

    private func rootRecord(_ fields: [Value]) -> Record {
        Record(type: schema.root, fields: fields, origin: .root, location: nil)
    }

    /// Decodes the main file: a mapping of root keys (`format`, `case`, and any sections).
    private func decodeMain(
        _ document: YAMLDocument, decoder: inout RecordDecoder, into fields: inout [Value], diagnostics: inout [Diagnostic]
    ) {
        let start = SourceLocation(file: document.file, line: 1, column: 1)
        guard let root = document.root, case .mapping(let mapping) = root else {
            diagnostics.append(Diagnostic(id: "bundle.wrong-type", message: "a bundle file must be a mapping of sections",
                                          at: document.root.map(document.location) ?? start,
                                          hint: "start with 'format: \(schema.formatTag)' and a 'case:' section"))
            return
        }
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            guard let slot = schema.root.slot(of: key) else {
                diagnostics.append(Diagnostic(
                    id: "bundle.unknown-key", message: "unknown section '\(key)'", at: document.location(of: keyNode),
                    hint: Suggestion.didYouMean(key, in: schema.root.fieldNames)
                        ?? "sections: \(schema.root.fieldNames.joined(separator: ", "))"))
                continue
            }
            if key == "format" {
                checkFormat(valueNode, document: document, diagnostics: &diagnostics)
            }
            let field = schema.root.fields[slot]
            fields[slot] = decoder.decodeValue(valueNode, as: field.type, field: key, parentPath: nil)
        }
        for field in schema.root.fields where field.required {
            let hint = field.name == "format" ? "add 'format: \(schema.formatTag)' as the first line" : "add a '\(field.name):' section"
            guard let node = mapping[field.name] else {
                diagnostics.append(Diagnostic(id: "bundle.missing-field", message: "missing required section '\(field.name)'",
                                              at: start, hint: hint))
                continue
            }
            // `case:` with nothing after it is a null, which decodes without complaint; without this
            // the bundle would load with no case and crash whatever reads it.
            if case .scalar(let scalar) = node, scalar.style == .plain, ScalarConverter.isNull(scalar.string) {
                diagnostics.append(Diagnostic(id: "bundle.missing-field", message: "required section '\(field.name)' is empty",
                                              at: document.location(of: node), hint: hint))
            }
        }
    }

    /// Decodes a section file, which holds the section's list directly.
    private func decodeSection(
        _ section: String, document: YAMLDocument, decoder: inout RecordDecoder, into fields: inout [Value],
        diagnostics: inout [Diagnostic]
    ) {
        guard let slot = schema.root.slot(of: section) else { return }
        if !fields[slot].isNull {
            diagnostics.append(Diagnostic(
                id: "bundle.duplicate-section", message: "section '\(section)' is given both in the case file and in '\(document.file)'",
                at: SourceLocation(file: document.file, line: 1, column: 1), hint: "keep it in one place"))
            return
        }
        guard let root = document.root else { return }
        fields[slot] = decoder.decodeValue(root, as: schema.root.fields[slot].type, field: section, parentPath: nil)
    }

    private func checkFormat(_ node: Yams.Node, document: YAMLDocument, diagnostics: inout [Diagnostic]) {
        guard let text = node.string, text != schema.formatTag else { return }
        let supported = "this tool reads \(schema.formatTag)"
        let id = text.hasPrefix("readiness-bundle/") ? "bundle.unsupported-format" : "bundle.wrong-type"
        diagnostics.append(Diagnostic(id: id, message: "unsupported bundle format '\(text)'; \(supported)",
                                      at: document.location(of: node),
                                      hint: "write 'format: \(schema.formatTag)' or upgrade readiness"))
    }

    /// Decodes UTF-8 text, reporting the first invalid byte's position. A leading byte-order mark
    /// (which Windows editors write) is dropped: the YAML reader would otherwise reject the file.
    static func text(of data: Data, file: String) throws(DiagnosticError) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            return text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        }
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        throw DiagnosticError(Diagnostic(id: "bundle.invalid-encoding", message: "file is not valid UTF-8",
                                         at: SourceLocation(file: file, line: line, column: column),
                                         hint: "save the file as UTF-8"))
    }
}
