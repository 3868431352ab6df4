import Foundation
import Yams

extension EvidenceMapping {
    /// The keys a mapping file may hold.
    static let keys = ["tool", "delimiter", "columns", "values", "set", "timestamps", "list_separator", "id_prefix"]

    /// Reads a mapping file.
    ///
    /// - Throws: `DiagnosticError` naming the line and column of every problem (unknown keys or
    ///   fields, values that do not fit the field, duplicate targets).
    public static func load(file path: String, schema: BundleSchema = .v1) throws(DiagnosticError) -> EvidenceMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(id: "import.not-found", message: "cannot read mapping '\(path)'", at: nil,
                                             hint: "check the file exists, or use --preset"))
        }
        return try parse(try BundleLoader.text(of: data, file: path), origin: path, schema: schema)
    }

    /// Parses mapping YAML; `origin` names it in diagnostics.
    static func parse(_ text: String, origin: String, schema: BundleSchema) throws(DiagnosticError) -> EvidenceMapping {
        let document = try YAMLDocument(text: text, file: origin)
        var reader = MappingReader(document: document, fields: EvidenceFields(schema: schema))
        let mapping = reader.read(origin: origin)
        guard !reader.diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticError(reader.diagnostics)
        }
        return mapping
    }
}

/// Reads the composed YAML of a mapping file, collecting every problem.
private struct MappingReader {
    let document: YAMLDocument
    let fields: EvidenceFields
    var diagnostics: [Diagnostic] = []

    mutating func read(origin: String) -> EvidenceMapping {
        var mapping = EvidenceMapping(origin: origin)
        guard let root = document.root, case .mapping(let top) = root else {
            report("a mapping file is a YAML mapping with a 'columns:' section", at: document.root)
            return mapping
        }
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "tool": mapping.tool = value.string
            case "delimiter": mapping.delimiter = delimiter(value)
            case "columns": mapping.columns = columns(value)
            case "values": mapping.values = values(value)
            case "set": mapping.constants = constants(value)
            case "timestamps": timestamps(value, into: &mapping)
            case "list_separator":
                if let text = value.string, text.count == 1, let character = text.first {
                    mapping.listSeparator = character
                } else {
                    report("'list_separator' must be one character", at: value)
                }
            case "id_prefix":
                mapping.idPrefix = value.string ?? ""
            default:
                report("unknown key '\(key)' in the mapping", at: keyNode, id: "import.mapping-unknown-key",
                       hint: Suggestion.didYouMean(key, in: EvidenceMapping.keys) ?? "keys: \(EvidenceMapping.keys.joined(separator: ", "))")
            }
        }
        if case .mapping(let tables)? = top["values"] {
            for (fieldNode, _) in tables {
                guard let field = fieldNode.string, mapping.values[field] != nil, !mapping.provides(field) else { continue }
                report("'values' has a table for '\(field)', but no column or 'set' entry fills it", at: fieldNode)
            }
        }
        return mapping
    }

    private mutating func delimiter(_ node: Yams.Node) -> UInt8 {
        switch node.string {
        case ",": return 0x2C
        case ";": return 0x3B
        case "\t", "tab": return 0x09
        case "|": return 0x7C
        default:
            report("'delimiter' must be ',', ';', '|' or 'tab'", at: node)
            return 0x2C
        }
    }

    private mutating func columns(_ node: Yams.Node) -> [EvidenceMapping.Column] {
        guard case .mapping(let pairs) = node else {
            report("'columns' maps each source column to a bundle field, e.g. \"Full Path\": path", at: node)
            return []
        }
        var columns: [EvidenceMapping.Column] = []
        for (sourceNode, fieldNode) in pairs {
            let source = sourceNode.string ?? "", field = fieldNode.string ?? ""
            guard fields.type(of: field) != nil else {
                report("'\(field)' is not an evidence item field", at: fieldNode, id: "import.mapping-unknown-field",
                       hint: Suggestion.didYouMean(field, in: fields.names) ?? "fields: \(fields.names.joined(separator: ", "))")
                continue
            }
            if let earlier = columns.first(where: { $0.field == field }) {
                report("both '\(earlier.source)' and '\(source)' fill '\(field)'", at: fieldNode, hint: "map one column to each field")
                continue
            }
            columns.append(.init(source: source, field: field, location: document.location(of: sourceNode)))
        }
        return columns
    }

    private mutating func values(_ node: Yams.Node) -> [String: [String: String?]] {
        guard case .mapping(let tables) = node else {
            report("'values' maps each field to a table of source text → bundle value", at: node)
            return [:]
        }
        var result: [String: [String: String?]] = [:]
        for (fieldNode, tableNode) in tables {
            let field = fieldNode.string ?? ""
            guard let type = fields.type(of: field) else {
                report("'\(field)' is not an evidence item field", at: fieldNode, id: "import.mapping-unknown-field",
                       hint: Suggestion.didYouMean(field, in: fields.names))
                continue
            }
            guard case .mapping(let entries) = tableNode else {
                report("the table for '\(field)' must map source text to values", at: tableNode)
                continue
            }
            var table: [String: String?] = [:]
            var lowered: [String: String?] = [:]
            for (sourceNode, valueNode) in entries {
                let source = sourceNode.string ?? ""
                let target: String? = isNull(valueNode) ? nil : valueNode.string
                if let target { check(target, as: EvidenceFields.elementType(type), field: field, at: valueNode) }
                if let other = lowered[source.lowercased()], other != target {
                    report("'\(source)' is mapped twice (ignoring letter case) to different values", at: sourceNode)
                }
                lowered[source.lowercased()] = target
                table[source] = target
            }
            result[field] = table
        }
        return result
    }

    private mutating func constants(_ node: Yams.Node) -> [String: String] {
        guard case .mapping(let pairs) = node else {
            report("'set' maps fields to a value given to every imported row", at: node)
            return [:]
        }
        var result: [String: String] = [:]
        for (fieldNode, valueNode) in pairs {
            let field = fieldNode.string ?? ""
            guard let type = fields.type(of: field), let text = valueNode.string else {
                report("'\(field)' is not an evidence item field", at: fieldNode, id: "import.mapping-unknown-field",
                       hint: Suggestion.didYouMean(field, in: fields.names))
                continue
            }
            check(text, as: type, field: field, at: valueNode)
            result[field] = text
        }
        return result
    }

    private mutating func timestamps(_ node: Yams.Node, into mapping: inout EvidenceMapping) {
        guard case .mapping(let pairs) = node else {
            report("'timestamps' holds 'assume_offset' and 'date_order'", at: node)
            return
        }
        for (keyNode, value) in pairs {
            switch keyNode.string {
            case "assume_offset":
                let text = value.string ?? ""
                if case .timestamp = TemporalParser.parse("2000-01-01T00:00:00" + text) {
                    mapping.assumeOffset = text
                } else {
                    report("'assume_offset' must be Z or ±HH:MM, found '\(text)'", at: value)
                }
            case "date_order":
                if let order = value.string.flatMap(EvidenceMapping.DateOrder.init(rawValue:)) {
                    mapping.dateOrder = order
                } else {
                    report("'date_order' must be iso, mdy or dmy", at: value)
                }
            default:
                report("unknown key '\(keyNode.string ?? "")' in 'timestamps'", at: keyNode, id: "import.mapping-unknown-key",
                       hint: "keys: assume_offset, date_order")
            }
        }
    }

    private mutating func check(_ text: String, as type: FieldType, field: String, at node: Yams.Node) {
        do {
            _ = try EvidenceCell.convert(text, field: field, type: type, mapping: EvidenceMapping(origin: document.file))
        } catch {
            diagnostics.append(Diagnostic(id: error.id, message: error.message, at: document.location(of: node), hint: error.hint))
        }
    }

    private func isNull(_ node: Yams.Node) -> Bool {
        if case .scalar(let scalar) = node { return scalar.style == .plain && ScalarConverter.isNull(scalar.string) }
        return false
    }

    private mutating func report(_ message: String, at node: Yams.Node?, id: String = "import.mapping-invalid", hint: String? = nil) {
        let location = node.map(document.location(of:)) ?? SourceLocation(file: document.file, line: 1, column: 1)
        diagnostics.append(Diagnostic(id: id, message: message, at: location, hint: hint))
    }
}
