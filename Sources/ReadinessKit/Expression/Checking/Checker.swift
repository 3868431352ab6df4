/// Resolves names, fields and types against the bundle schema and builds the evaluation nodes.
///
/// It records every problem it finds and carries on with an `any`-typed placeholder, so one
/// compilation reports as many diagnostics as it can.
struct Checker {
    let environment: ExpressionEnvironment
    private(set) var issues: [ExpressionIssue] = []
    /// Fields read, as `RecordType.field`, for lint.
    private(set) var fieldsRead: Set<String> = []
    /// Whole-collection questions a streaming check can answer (see `CollectionAggregate`).
    private(set) var aggregates: [CollectionAggregate] = []
    /// How often each collection (by ordinal) is read other than through `aggregates`.
    private(set) var collectionReads: [Int: Int] = [:]
    /// Variable slots the expression needs, including those macros bind.
    private(set) var slotCount: Int
    private let sections: [String: ExpressionEnvironment.Section]
    /// Macro variables in scope, innermost last.
    private var scopes: [(name: String, slot: Int, type: ExpressionType)] = []
    private var nextSlot: Int
    /// The variable slots read by the sub-expression being checked.
    private var reads: Set<Int> = []
    /// The fields read straight off each environment variable (`item.location`), by variable slot.
    private(set) var variableFields: [Int: Set<Int>] = [:]
    /// Environment variables read some other way: whole, as in `{item}` or `has(item)`.
    private(set) var wholeVariables: Set<Int> = []
    /// Set while the name before a `.field` is resolved, which is then not a whole read.
    private var resolvingMemberBase = false

    init(environment: ExpressionEnvironment) {
        self.environment = environment
        self.sections = environment.sections
        self.nextSlot = environment.variableCount
        self.slotCount = environment.variableCount
    }

    /// Registers a whole-collection question over the collection `ordinal`, which `node` answers
    /// by walking the collection; returns the node that takes a settled answer instead.
    mutating func aggregate(_ aggregate: CollectionAggregate, _ node: Node) -> Node {
        aggregates.append(aggregate)
        collectionReads[aggregate.collection, default: 1] -= 1
        return Nodes.settling(aggregate, node)
    }

    mutating func report(_ id: String, _ message: String, hint: String?, at offset: Int) {
        issues.append(ExpressionIssue(id, message, hint: hint, at: offset))
    }

    /// Reports a value whose declared type names no record type, collection or table in scope.
    mutating func undeclared(_ type: ExpressionType, at offset: Int) -> Checked {
        report(
            "expr.type-mismatch", "type '\(type)' is not in the bundle schema or the pack's tables",
            hint: "declare variables with record types, collections and tables that exist", at: offset)
        return .invalid
    }

    mutating func check(_ expr: Expr) -> Checked {
        let outer = reads
        reads = []
        var checked = checkKind(expr)
        checked.reads = reads
        reads.formUnion(outer)
        return checked
    }

    private mutating func checkKind(_ expr: Expr) -> Checked {
        switch expr.kind {
        case .literal(let literal): return check(literal)
        case .name(let name): return resolve(name, at: expr.offset)
        case .member(let base, let field): return memberAccess(base, field, at: expr.offset)
        case .index(let base, let key): return index(check(base), key: check(key), at: expr.offset)
        case .call(let name, let receiver, let arguments): return call(name, receiver: receiver, arguments: arguments, at: expr.offset)
        case .unary(let op, let operand): return unary(op, operand, at: expr.offset)
        case .binary(let op, let left, let right): return binary(op, left, right, at: expr.offset)
        case .conditional(let condition, let then, let otherwise): return conditional(condition, then, otherwise, at: expr.offset)
        case .list(let elements): return list(elements, at: expr.offset)
        case .map(let entries): return map(entries, at: expr.offset)
        }
    }

    private func check(_ literal: Expr.Literal) -> Checked {
        switch literal {
        case .int(let value): .literal(.int(value), .int)
        case .number(let value): .literal(.number(value), .number)
        case .string(let value): .literal(.string(value), .string)
        case .bool(let value): .literal(.bool(value), .bool)
        case .null: Checked(type: .null, node: .constant(.unknown), constant: .unknown)
        }
    }

    // MARK: Names

    private mutating func resolve(_ name: String, at offset: Int) -> Checked {
        if let bound = scopes.last(where: { $0.name == name }) {
            reads.insert(bound.slot)
            return Checked(type: bound.type, node: Nodes.variable(bound.slot), form: .variable(bound.slot))
        }
        if let variable = environment.variables[name] {
            reads.insert(variable.slot)
            if !resolvingMemberBase { wholeVariables.insert(variable.slot) }
            return Checked(type: variable.type, node: Nodes.variable(variable.slot), form: .variable(variable.slot))
        }
        if name == "as_of" { return Checked(type: .time, node: Nodes.asOf) }
        if let section = sections[name] {
            let ordinal = environment.collectionOrdinal(name)
            if let ordinal { collectionReads[ordinal, default: 0] += 1 }
            switch section.kind {
            case .rootField(let slot):
                return Checked(
                    type: section.type, node: Nodes.rootField(slot, name: name),
                    form: ordinal.map(Checked.Form.collection) ?? .computed)
            case .collection(let ordinal):
                return Checked(type: section.type, node: Nodes.collection(ordinal), form: .collection(ordinal))
            }
        }
        if let table = environment.tables[name] {
            return Checked(type: .table(name), node: .constant(.error("table '\(name)' must be indexed")), form: .table(table))
        }
        let candidates = scopes.map(\.name) + environment.variables.keys + sections.keys + environment.tables.keys + ["as_of"]
        report(
            "expr.unknown-name", "unknown name '\(name)'",
            hint: Suggestion.didYouMean(name, in: candidates)
                ?? "names in scope are the bundle sections, 'as_of', the rule's variables and the pack's tables",
            at: offset)
        return .invalid
    }

    /// Binds a macro variable for the duration of `body`.
    mutating func withVariable<T>(_ name: String, type: ExpressionType, _ body: (inout Checker, Int) -> T) -> T {
        let slot = nextSlot
        nextSlot += 1
        slotCount = max(slotCount, nextSlot)
        scopes.append((name, slot, type))
        defer {
            scopes.removeLast()
            nextSlot -= 1
        }
        return body(&self, slot)
    }

    // MARK: Members

    /// `base.field`, noting a field read straight off an environment variable as that field alone.
    private mutating func memberAccess(_ base: Expr, _ field: String, at offset: Int) -> Checked {
        guard case .name = base.kind else { return member(check(base), field, at: offset) }
        resolvingMemberBase = true
        let checkedBase = check(base)
        resolvingMemberBase = false
        let checked = member(checkedBase, field, at: offset)
        guard case .variable(let variable) = checkedBase.form, variable < environment.variableCount else { return checked }
        if case .field(_, variable?, let slot, _, _) = checked.form {
            variableFields[variable, default: []].insert(slot)
        } else {
            wholeVariables.insert(variable)
        }
        return checked
    }

    private mutating func member(_ base: Checked, _ field: String, at offset: Int) -> Checked {
        switch base.type {
        case .record(let typeName):
            guard let type = environment.schema.type(named: typeName) else { return undeclared(base.type, at: offset) }
            return recordField(base, type: type, field, at: offset, reference: nil)
        case .reference(let collection):
            guard let schema = environment.schema.collection(named: collection),
                let type = environment.schema.type(named: schema.recordType),
                let ordinal = environment.collectionOrdinal(collection)
            else { return undeclared(base.type, at: offset) }
            return recordField(base, type: type, field, at: offset, reference: (ordinal, Checker.noun(of: collection)))
        case .tableRow(let tableName):
            guard let table = environment.tables[tableName] else { return undeclared(base.type, at: offset) }
            guard let column = table.column(named: field) else {
                report(
                    "expr.unknown-field", "unknown column '\(field)' in table '\(tableName)'",
                    hint: Suggestion.didYouMean(field, in: table.columns.map(\.name))
                        ?? "the columns are \(table.columns.map { "'\($0.name)'" }.joined(separator: ", "))",
                    at: offset)
                return .invalid
            }
            return Checked(type: table.columns[column].type, node: Nodes.column(column, of: base.node))
        case .any:
            return Checked(type: .any, node: Nodes.dynamicField(of: base.node, name: field))
        case .list:
            report(
                "expr.type-mismatch", "cannot read field '\(field)' of a list",
                hint: "test every element with all/exists, e.g. list.all(x, x.\(field))", at: offset)
            return .invalid
        default:
            report("expr.type-mismatch", "cannot read field '\(field)' of \(base.type)", hint: "only records, references and table rows have fields", at: offset)
            return .invalid
        }
    }

    private mutating func recordField(
        _ base: Checked, type: RecordType, _ field: String, at offset: Int, reference: (ordinal: Int, noun: String)?
    ) -> Checked {
        guard let slot = type.slot(of: field), let schema = type.field(named: field) else {
            report(
                "expr.unknown-field", "unknown field '\(field)' on \(type.name)",
                hint: Suggestion.didYouMean(field, in: type.fieldNames) ?? "see the fields of \(type.name) in docs/bundle-format.md",
                at: offset)
            return .invalid
        }
        fieldsRead.insert("\(type.name).\(field)")
        let fieldType = ExpressionType(schema.type)
        if let reference {
            let target = Nodes.dereference(base.node, ordinal: reference.ordinal, noun: reference.noun)
            return Checked(
                type: fieldType, node: Nodes.field(of: target, slot: slot, type: type, name: field),
                form: .field(base: target, variable: nil, slot: slot, type: type, name: field))
        }
        if case .variable(let variable) = base.form {
            return Checked(
                type: fieldType, node: Nodes.field(ofVariable: variable, slot: slot, type: type, name: field),
                form: .field(base: base.node, variable: variable, slot: slot, type: type, name: field),
                kernel: .field(Kernel.Field(variable: variable, slot: slot, type: type)))
        }
        return Checked(
            type: fieldType, node: Nodes.field(of: base.node, slot: slot, type: type, name: field),
            form: .field(base: base.node, variable: nil, slot: slot, type: type, name: field),
            kernel: Kernel.nested(in: base.kernel, slot: slot, type: type))
    }

    /// The singular noun for a record of a collection, for "no device 'D9'".
    static func noun(of collection: String) -> String {
        let words = collection.replacingUnderscores()
        if words.hasSuffix("sses") || words.hasSuffix("ches") { return String(words.dropLast(2)) }
        if words.hasSuffix("s"), !words.hasSuffix("ss") { return String(words.dropLast()) }
        return words
    }

    // MARK: Indexing

    private mutating func index(_ base: Checked, key: Checked, at offset: Int) -> Checked {
        let form = Checked.Form.element(base: base.node, key: key.node, collection: nil, table: nil)
        switch (base.type, key.type) {
        case (.table(let name), let keyType) where keyType.fits(.string):
            guard case .table(let table) = base.form else { return undeclared(base.type, at: offset) }
            return Checked(
                type: .tableRow(name), node: Nodes.row(of: table, key: key.node),
                form: .element(base: base.node, key: key.node, collection: nil, table: table))
        case (.list(let element), .int), (.list(let element), .any), (.list(let element), .null):
            return Checked(type: element, node: Nodes.element(of: base.node, key: key.node), form: form)
        case (.list(.record(let typeName)), let keyType) where keyType.isStringLike:
            if case .collection(let ordinal) = base.form {
                let noun = Checker.noun(of: environment.schema.collections[ordinal].key)
                return Checked(
                    type: .record(typeName), node: Nodes.dereference(key.node, ordinal: ordinal, noun: noun),
                    form: .element(base: base.node, key: key.node, collection: ordinal, table: nil))
            }
            return Checked(type: .record(typeName), node: Nodes.element(of: base.node, key: key.node), form: form)
        case (.map(let value), let keyType) where keyType.fits(.string):
            return Checked(type: value, node: Nodes.element(of: base.node, key: key.node), form: form)
        case (.any, _):
            return Checked(type: .any, node: Nodes.element(of: base.node, key: key.node), form: form)
        default:
            report(
                "expr.type-mismatch", "cannot index \(base.type) with \(key.type)",
                hint: "index a list with a position (from 0), a collection with an id, a table or map with a string key",
                at: offset)
            return .invalid
        }
    }
}

extension String {
    /// The text with underscores replaced by spaces, e.g. `legal process`.
    func replacingUnderscores() -> String {
        String(unicodeScalars.map { $0 == "_" ? " " : Character($0) })
    }
}
