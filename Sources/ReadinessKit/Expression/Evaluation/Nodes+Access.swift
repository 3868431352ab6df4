/// Reading names, fields, references, lookups by id and table rows.
extension Nodes {
    static func variable(_ slot: Int) -> Node {
        Node { context in
            guard slot < context.variables.count else { return .unknown }
            return Outcome(context.variables[slot])
        }
    }

    static let asOf = Node { context in .value(.date(context.asOf)) }

    /// A field of the bundle's root record, e.g. `case` or `charges`.
    static func rootField(_ slot: Int, name: String) -> Node {
        Node { context in
            let root = context.bundle.root
            return readField(of: root, slot: slot, type: root.type, name: name, &context)
        }
    }

    /// A flattened collection such as `cybertip_files`.
    static func collection(_ ordinal: Int) -> Node {
        Node { context in
            guard ordinal < context.collections.count else { return .unknown }
            return .value(context.collections[ordinal])
        }
    }

    /// A field of the record the base gives. `type` is the record type the checker expected.
    static func field(of base: Node, slot: Int, type: RecordType, name: String) -> Node {
        Node { context in
            let outcome = base.run(&context)
            guard case .value(.record(let record)) = outcome else { return notARecord(outcome, name) }
            return readField(of: record, slot: slot, type: type, name: name, &context)
        }
    }

    /// A field of the record held by a variable: the commonest access, fused into one node whose
    /// condition form reads a boolean field in place.
    static func field(ofVariable variable: Int, slot: Int, type: RecordType, name: String) -> Node {
        let run: @Sendable (inout EvaluationContext) -> Outcome = { context in
            if let value = context.field(ofVariable: variable, slot: slot, type: type, name: name) { return Outcome(value) }
            guard variable < context.variables.count else { return .unknown }
            return notARecord(Outcome(context.variables[variable]), name)
        }
        return Node(
            run: run,
            test: { context in
                switch context.field(ofVariable: variable, slot: slot, type: type, name: name) {
                case .bool(let flag)?: return Truth(flag)
                case .null?: return .unknown
                case let value?: return Truth(.value(value), &context)
                case nil: return Truth(run(&context), &context)
                }
            })
    }

    /// The record an id names in collection `ordinal`, or an error value when there is none.
    static func dereference(_ base: Node, ordinal: Int, noun: String) -> Node {
        Node { context in
            let outcome = base.run(&context)
            guard case .value(.string(let id)) = outcome else {
                return outcome.isUnknownOrError ? outcome : .error("a reference must be an id, not \(outcome.result)")
            }
            return record(id, in: ordinal, noun: noun, &context)
        }
    }

    @inline(__always)
    static func record(_ id: String, in ordinal: Int, noun: String, _ context: inout EvaluationContext) -> Outcome {
        guard ordinal < context.indexes.count, let record = context.indexes[ordinal][id] else {
            return .error("no \(noun) '\(id)'")
        }
        return .value(.record(record))
    }

    @inline(__always)
    static func readField(of record: Record, slot: Int, type: RecordType, name: String, _ context: inout EvaluationContext) -> Outcome {
        let value = record.type === type ? record.fields[slot] : (record[name] ?? .null)
        if context.facts != nil { context.read(name, of: record, value: value) }
        if case .null = value { return .unknown }
        return .value(value)
    }

    static func notARecord(_ outcome: Outcome, _ name: String) -> Outcome {
        outcome.isUnknownOrError ? outcome : .error("cannot read '\(name)' of \(outcome.result)")
    }

    /// `list[index]` by position (from 0), `list['id']` by record id, or `map[key]`.
    static func element(of base: Node, key: Node) -> Node {
        Node { context in
            let container = base.run(&context)
            let key = key.run(&context)
            if let blocked = Outcome.blocking(container, key) { return blocked }
            switch (container, key) {
            case (.value(.list(let elements)), .value(.int(let index))):
                guard elements.indices.contains(index) else {
                    return .error("index \(index) is out of range for a list of \(elements.count)")
                }
                return Outcome(elements[index])
            case (.value(.list(let elements)), .value(.string(let id))):
                guard let match = elements.first(where: { $0.recordValue?.id == id }) else {
                    return .error("no element with id '\(id)'")
                }
                return .value(match)
            case (.map(let entries), .value(.string(let name))):
                guard let value = entries[name] else { return .error("no key '\(name)' in the map") }
                return Outcome(value)
            default:
                return .error("cannot look up \(key.result) in \(container.result)")
            }
        }
    }

    /// `record.field` when the record's type is known only at run time.
    static func dynamicField(of base: Node, name: String) -> Node {
        Node { context in
            let outcome = base.run(&context)
            guard case .value(.record(let record)) = outcome else { return notARecord(outcome, name) }
            guard let value = record[name] else { return .error("\(record.type.name) has no field '\(name)'") }
            if context.facts != nil { context.read(name, of: record, value: value) }
            return Outcome(value)
        }
    }

    /// `table[key]`: the row for the key, or the default row, or an error value naming both.
    static func row(of table: DataTable, key: Node) -> Node {
        Node { context in
            let key = key.run(&context)
            guard case .value(.string(let name)) = key else {
                return key.isUnknownOrError ? key : .error("table '\(table.name)' needs a string key, not \(key.result)")
            }
            guard let row = table.row(for: name) else { return .error("table '\(table.name)' has no row '\(name)' and no default") }
            return .row(row)
        }
    }

    /// A column of a table row.
    static func column(_ column: Int, of base: Node) -> Node {
        Node { context in
            let row = base.run(&context)
            guard case .row(let values) = row else { return row.isUnknownOrError ? row : .error("not a table row") }
            return column < values.count ? Outcome(values[column]) : .unknown
        }
    }
}
