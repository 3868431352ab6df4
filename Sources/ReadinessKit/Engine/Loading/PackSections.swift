import Yams

/// Reads the sections of a pack file: profiles, tables, offences and rules.
struct PackSections {
    var reader: PackReader
    let packID: String
    let defaultJurisdiction: String

    mutating func profiles(_ node: Yams.Node?) -> [Profile] {
        guard let node, case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { key, value in
            let name = key.string ?? ""
            guard let fields = reader.fields(of: value, in: "profile '\(name)'",
                                             allowed: ["description", "severity_overrides", "decision"]) else { return nil }
            var overrides: [String: Severity] = [:]
            if let overridesNode = fields["severity_overrides"], case .mapping(let pairs) = overridesNode {
                for (rule, severity) in pairs {
                    if let level = reader.word(severity, "severity", as: Severity.self) { overrides[rule.string ?? ""] = level }
                }
            }
            var notReady: Set<Severity> = [.blocker], conditions: Set<Severity> = [.major]
            if let decision = fields["decision"],
                let levels = reader.fields(of: decision, in: "decision thresholds", allowed: ["not_ready", "conditions"])
            {
                if let node = levels["not_ready"] { notReady = severities(node, "not_ready") }
                if let node = levels["conditions"] { conditions = severities(node, "conditions") }
            }
            return Profile(name: name, description: reader.string(fields["description"], "description") ?? "",
                           severityOverrides: overrides, notReady: notReady, conditions: conditions)
        }
    }

    private mutating func severities(_ node: Yams.Node, _ key: String) -> Set<Severity> {
        guard case .sequence(let sequence) = node else {
            reader.report("rules.wrong-type", "'\(key)' must be a list of severities", at: node)
            return []
        }
        return Set(sequence.compactMap { reader.word($0, "severity", as: Severity.self) })
    }

    mutating func tables(_ node: Yams.Node?) -> [TableDeclaration] {
        guard let node, case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { key, value in table(named: key.string ?? "", value) }
    }

    private mutating func table(named name: String, _ node: Yams.Node) -> TableDeclaration? {
        guard let fields = reader.fields(of: node, in: "table '\(name)'", allowed: ["description", "columns", "rows", "default"],
                                         required: ["columns", "rows"]),
            let columnsNode = fields["columns"], case .mapping(let columnPairs) = columnsNode
        else { return nil }
        var columns: [(name: String, type: ExpressionType)] = []
        var fieldTypes: [String: FieldType] = [:]
        for (column, typeNode) in columnPairs {
            let typeName = typeNode.string ?? ""
            guard let (expressionType, fieldType) = Self.columnTypes[typeName] else {
                reader.report("rules.unknown-word", "unknown column type '\(typeName)'", at: typeNode,
                              hint: "use one of: \(Self.columnTypes.keys.sorted().joined(separator: ", "))")
                continue
            }
            columns.append((column.string ?? "", expressionType))
            fieldTypes[column.string ?? ""] = fieldType
        }
        var rows: [String: [String: Value]] = [:]
        if let rowsNode = fields["rows"], case .mapping(let rowPairs) = rowsNode {
            for (rowKey, rowNode) in rowPairs {
                rows[rowKey.string ?? ""] = row(rowNode, types: fieldTypes, table: name)
            }
        }
        let defaultRow = fields["default"].flatMap { row($0, types: fieldTypes, table: name) }
        return TableDeclaration(name: name, description: reader.string(fields["description"], "description") ?? "",
                                columns: columns, rows: rows, defaultRow: defaultRow,
                                location: reader.document.location(of: node))
    }

    private mutating func row(_ node: Yams.Node, types: [String: FieldType], table: String) -> [String: Value]? {
        guard let cells = reader.fields(of: node, in: "a row of table '\(table)'", allowed: types.keys.sorted(),
                                        required: types.keys.sorted()) else { return nil }
        var row: [String: Value] = [:]
        for (column, cell) in cells {
            guard let type = types[column], case .scalar(let scalar) = cell else { continue }
            do throws(ScalarConverter.Failure) {
                let style: ScalarConverter.Style = scalar.style == .plain ? .plain : .quoted
                row[column] = try ScalarConverter.convert(scalar.string, style: style, to: type, field: column)
            } catch {
                reader.report(error.id.replacingOccurrences(of: "bundle.", with: "rules."), error.message, at: cell, hint: error.hint)
            }
        }
        return row
    }

    static let columnTypes: [String: (ExpressionType, FieldType)] = [
        "string": (.string, .string), "int": (.int, .int), "number": (.number, .number), "bool": (.bool, .bool),
        "date": (.time, .date),
    ]

    mutating func offences(_ node: Yams.Node?) -> [Offence] {
        guard let node, case .sequence(let sequence) = node else { return [] }
        return sequence.compactMap { item in
            guard let fields = reader.fields(of: item, in: "an offence", allowed: ["id", "statute", "title", "elements"],
                                             required: ["id", "statute", "title", "elements"]) else { return nil }
            var elements: [Offence.Element] = []
            if let elementsNode = fields["elements"], case .sequence(let list) = elementsNode {
                for element in list {
                    guard let parts = reader.fields(of: element, in: "an offence element", allowed: ["id", "title", "proved_by"],
                                                    required: ["id", "title"]) else { continue }
                    elements.append(Offence.Element(
                        id: reader.string(parts["id"], "id") ?? "", title: reader.string(parts["title"], "title") ?? "",
                        provedBy: reader.strings(parts["proved_by"], "proved_by") ?? []))
                }
            }
            return Offence(id: reader.string(fields["id"], "id") ?? "", statute: reader.string(fields["statute"], "statute") ?? "",
                           title: reader.string(fields["title"], "title") ?? "", elements: elements)
        }
    }

    mutating func rules(_ node: Yams.Node?) -> [Rule] {
        guard let node, case .sequence(let sequence) = node else {
            if let node { reader.report("rules.wrong-type", "'rules' must be a list of rules", at: node) }
            return []
        }
        var ruleReader = RuleReader(reader: reader, packID: packID, defaultJurisdiction: defaultJurisdiction)
        let rules = sequence.compactMap { ruleReader.rule($0) }
        reader = ruleReader.reader
        return rules
    }
}
