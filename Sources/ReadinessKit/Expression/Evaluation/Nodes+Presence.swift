/// `has(…)`: whether a fact is present. Always true or false, except for a runtime error in the
/// part before the last step (such as a dangling reference), which stays an error.
extension Nodes {
    /// `has(record.field)`: the field is set. An absent record means the field is absent too.
    static func hasField(of base: Node, slot: Int, type: RecordType, name: String) -> Node {
        Node { context in
            let outcome = base.run(&context)
            switch outcome {
            case .value(.record(let record)): return present(readField(of: record, slot: slot, type: type, name: name, &context))
            case .error: return outcome
            default: return .false
            }
        }
    }

    /// `has(variable.field)`, fused.
    static func hasField(ofVariable variable: Int, slot: Int, type: RecordType, name: String) -> Node {
        Node { context in
            guard variable < context.variables.count, case .record(let record) = context.variables[variable] else {
                return .false
            }
            return present(readField(of: record, slot: slot, type: type, name: name, &context))
        }
    }

    /// `has(container[key])`: the key names an element, entry, record or table row (not the default row).
    static func hasKey(in base: Node, key: Node, table: DataTable?) -> Node {
        Node { context in
            let key = key.run(&context)
            if case .error = key { return key }
            guard case .value(let keyValue) = key else { return .false }
            if let table {
                guard case .string(let name) = keyValue else { return .false }
                return Outcome(truth: table.rows[name] != nil)
            }
            let container = base.run(&context)
            switch (container, keyValue) {
            case (.error, _): return container
            case (.value(.list(let elements)), .int(let index)): return Outcome(truth: elements.indices.contains(index))
            case (.value(.list(let elements)), .string(let id)): return Outcome(truth: elements.contains { $0.recordValue?.id == id })
            case (.map(let entries), .string(let name)): return Outcome(truth: entries[name] != nil)
            default: return .false
            }
        }
    }

    /// `has(collection['id'])` on a bundle collection: the id exists.
    static func hasRecord(_ key: Node, ordinal: Int) -> Node {
        Node { context in
            let key = key.run(&context)
            if case .error = key { return key }
            guard case .value(.string(let id)) = key, ordinal < context.indexes.count else { return .false }
            return Outcome(truth: context.indexes[ordinal][id] != nil)
        }
    }

    /// `has(name)` on a variable: it holds a value.
    static func hasValue(_ base: Node) -> Node {
        Node { context in
            let outcome = base.run(&context)
            switch outcome {
            case .error: return outcome
            case .unknown: return .false
            default: return .true
            }
        }
    }

    @inline(__always)
    private static func present(_ outcome: Outcome) -> Outcome {
        if case .unknown = outcome { return .false }
        return .true
    }
}
