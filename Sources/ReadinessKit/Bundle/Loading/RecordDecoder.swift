import Yams

/// Decodes composed YAML nodes into schema-typed records, collecting every problem.
///
/// Unknown keys, missing required fields, wrong types, bad dates and unknown words all become
/// diagnostics at the node's line and column; decoding carries on so the user sees them all at once.
struct RecordDecoder {
    let schema: BundleSchema
    let document: YAMLDocument
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var references: [PendingReference] = []
    private(set) var attachments: [PendingAttachment] = []

    init(schema: BundleSchema, document: YAMLDocument) {
        self.schema = schema
        self.document = document
    }

    /// Decodes a mapping node as a record of `type`; returns `nil` (with a diagnostic) if it is not a mapping.
    mutating func decodeRecord(_ node: Yams.Node, as type: RecordType, origin: Record.Origin) -> Record? {
        guard case .mapping(let mapping) = node else {
            report("bundle.wrong-type", "expected a \(type.name) mapping (key: value lines), found \(describe(node))", at: node)
            return nil
        }
        var fields = [Value](repeating: .null, count: type.fields.count)
        var given = [Bool](repeating: false, count: type.fields.count)
        let path = RecordDecoder.path(of: mapping, origin: origin, idSlot: type.idSlot)
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                report("bundle.wrong-type", "keys must be plain names, found \(describe(keyNode))", at: keyNode)
                continue
            }
            guard let slot = type.slot(of: key.string) else {
                report("bundle.unknown-key", "unknown key '\(key.string)' in \(type.name)", at: keyNode,
                       hint: Suggestion.didYouMean(key.string, in: type.fieldNames)
                        ?? "allowed keys: \(type.fieldNames.joined(separator: ", "))")
                continue
            }
            given[slot] = true
            let field = type.fields[slot]
            fields[slot] = decodeValue(valueNode, as: field.type, field: field.name, parentPath: path)
            if field.required, case .scalar(let scalar) = valueNode, scalar.style == .plain,
                ScalarConverter.isNull(scalar.string)
            {
                report("bundle.missing-field", "'\(field.name)' must not be empty in \(type.name)", at: valueNode,
                       hint: "give a value: \(field.summary.lowercased().trimmingSuffix("."))")
            }
        }
        for (slot, field) in type.fields.enumerated() where field.required && !given[slot] {
            report("bundle.missing-field", "missing required key '\(field.name)' in \(type.name)", at: node,
                   hint: "add '\(field.name): …' (\(field.summary.lowercased().trimmingSuffix(".")))")
        }
        return Record(type: type, fields: fields, origin: origin, location: document.location(of: node))
    }

    /// Decodes a value of any field type.
    mutating func decodeValue(_ node: Yams.Node, as type: FieldType, field: String, parentPath: String?) -> Value {
        switch type {
        case .list(let element):
            if case .scalar(let scalar) = node, scalar.style == .plain, ScalarConverter.isNull(scalar.string) { return .null }
            guard case .sequence(let sequence) = node else {
                report("bundle.wrong-type", "'\(field)' must be a list, found \(describe(node))", at: node,
                       hint: "write it as [a, b] or as lines starting with '- '")
                return .null
            }
            let values = sequence.enumerated().map { index, item in
                decodeElement(item, as: element, field: field, parentPath: parentPath, index: index)
            }
            return .list(values)
        case .record(let typeName):
            if case .scalar(let scalar) = node, scalar.style == .plain, ScalarConverter.isNull(scalar.string) { return .null }
            guard let recordType = schema.type(named: typeName) else { preconditionFailure("schema names unknown type \(typeName)") }
            return decodeRecord(node, as: recordType, origin: .field(parent: parentPath, field: field))
                .map(Value.record) ?? .null
        default:
            guard case .scalar(let scalar) = node else {
                report("bundle.wrong-type", "'\(field)' must be a single \(type), found \(describe(node))", at: node)
                return .null
            }
            let style: ScalarConverter.Style = scalar.style == .plain ? .plain : .quoted
            do {
                let value = try ScalarConverter.convert(scalar.string, style: style, to: type, field: field)
                note(value, of: type, field: field, at: node)
                return value
            } catch {
                report(error.id, error.message, at: node, hint: error.hint)
                return .null
            }
        }
    }

    private mutating func decodeElement(
        _ node: Yams.Node, as type: FieldType, field: String, parentPath: String?, index: Int
    ) -> Value {
        guard case .record(let typeName) = type, let recordType = schema.type(named: typeName) else {
            let value = decodeValue(node, as: type, field: field, parentPath: parentPath)
            if value.isNull { report("bundle.wrong-type", "'\(field)' lists may not hold empty entries", at: node) }
            return value
        }
        let origin = Record.Origin.element(parent: parentPath, field: field, index: index)
        return decodeRecord(node, as: recordType, origin: origin).map(Value.record) ?? .null
    }

    /// Remembers references and attachments so they can be checked once the whole bundle is read.
    private mutating func note(_ value: Value, of type: FieldType, field: String, at node: Yams.Node) {
        guard case .string(let text) = value else { return }
        switch type {
        case .reference(let collection):
            references.append(PendingReference(collection: collection, id: text, field: field,
                                               location: document.location(of: node)))
        case .attachment:
            attachments.append(PendingAttachment(path: text, location: document.location(of: node)))
        default:
            break
        }
    }

    private static func path(of mapping: Yams.Node.Mapping, origin: Record.Origin, idSlot: Int?) -> String? {
        switch origin {
        case .root:
            return nil
        case .field(let parent, let field):
            return parent.map { "\($0).\(field)" } ?? field
        case .element(let parent, let field, let index):
            let id = idSlot == nil ? nil : mapping["id"]?.string
            let prefix = parent.map { "\($0).\(field)" } ?? field
            return "\(prefix)[\(id ?? String(index))]"
        }
    }

    private func describe(_ node: Yams.Node) -> String {
        switch node {
        case .scalar(let scalar): ScalarConverter.isNull(scalar.string) ? "an empty value" : "'\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private mutating func report(_ id: String, _ message: String, at node: Yams.Node, hint: String? = nil) {
        diagnostics.append(Diagnostic(id: id, message: message, at: document.location(of: node), hint: hint))
    }
}

/// A reference seen while decoding, checked once every collection is known.
struct PendingReference: Sendable {
    var collection: String
    var id: String
    var field: String
    var location: SourceLocation
}

/// An attachment path seen while decoding, checked against the bundle folder.
struct PendingAttachment {
    var path: String
    var location: SourceLocation
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
